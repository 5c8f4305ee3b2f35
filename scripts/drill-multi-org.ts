import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PocketBase from 'pocketbase';
import { createLessons } from '../tests/support/content-records';
import {
	RELAXED_RATE_LIMITS,
	startTestServer,
	TEST_ADMIN,
	type TestServer
} from '../tests/support/pocketbase';
import { ROOT } from './config';
import { nginxBinary, startProxy, type RunningProxy } from './drill/nginx';
import { firstRealtimeMessage, viaHost } from './drill/via-host';
import { findPocketBaseBinary } from './pocketbase/binary';
import { freePort } from './pocketbase/ports';
import { startPocketBase, type RunningPocketBase } from './pocketbase/server';
import { runMain, UserError } from './user-error';

const run = promisify(execFile);
const PASSWORD = `drill-${randomUUID().slice(0, 12)}`;
/** The instances believe the client address the proxy passes on (pb_hooks/lib/rate-limits.js). */
const BEHIND_PROXY = { CLYDE_TRUSTED_PROXIES: '127.0.0.1' };

/** One organisation: its own PocketBase, data dir and host name behind the proxy. */
interface Org {
	name: string;
	host: string;
	test: TestServer;
	/** The server now running on test.dataDir (another process after a restore). */
	server: RunningPocketBase;
	prefix: string;
	learner: { email: string; id: string; token: string };
	/** The op ids of the events its learner pushed, and the backup made of it. */
	pushed: string[];
	backup: string;
}

const failures: string[] = [];
function check(what: string, ok: boolean, detail = ''): void {
	console.log(`${ok ? '✓' : '✗'} ${what}${ok || !detail ? '' : `: ${detail}`}`);
	if (!ok) failures.push(what);
}

/**
 * `npm run drill:multi-org`: the way past one machine (docs/scaling.md), proved on this one.
 * Two organisations, each its own PocketBase and data dir, behind one nginx from Debian's
 * packages routed by host name. Each one's learner signs up, signs in and syncs through its
 * own host name; neither account nor event can be seen or used through the other; each is
 * backed up and restored with npm run backup / restore on its own while the other runs on.
 */
async function main(): Promise<void> {
	const nginx = await nginxBinary();
	const work = await mkdtemp(join(tmpdir(), 'clyde-drill-'));
	const orgs: Org[] = [];
	let proxy: RunningProxy | undefined;
	try {
		for (const name of ['org-a', 'org-b']) orgs.push(await startOrg(name));
		proxy = await startProxy(
			nginx,
			join(work, 'nginx'),
			await freePort(),
			orgs.map((org) => ({ host: org.host, upstream: org.server.url }))
		);
		console.log(
			`drill: nginx (pid ${proxy.pid}) on ${proxy.url}: ${orgs.map((o) => `${o.host} → ${o.server.url}`).join(', ')}`
		);
		await routing(proxy.url, orgs);
		for (const org of orgs) await signUpAndSync(proxy.url, org);
		await isolation(proxy.url, orgs);
		await backupsAndRestores(proxy.url, orgs, work);
	} finally {
		await proxy?.stop();
		for (const org of orgs) {
			await org.server.stop();
			await org.test.destroy();
		}
		await rm(work, { recursive: true, force: true });
	}
	if (failures.length > 0) {
		throw new UserError(`the drill failed ${failures.length} check(s): ${failures.join('; ')}`);
	}
	console.log('drill: passed');
}

async function startOrg(name: string): Promise<Org> {
	const test = await startTestServer(undefined, { env: BEHIND_PROXY });
	const admin = await adminOf(test.url);
	const prefix = `${name}-drill`;
	await createLessons(admin, prefix, 3, { published: true });
	return {
		name,
		host: `${name}.clyde.test`,
		test,
		server: test,
		prefix,
		learner: { email: `learner@${name}.example.org`, id: '', token: '' },
		pushed: [],
		backup: ''
	};
}

async function adminOf(url: string): Promise<PocketBase> {
	const admin = new PocketBase(url);
	admin.autoCancellation(false);
	await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
	return admin;
}

/** Each host name reaches its own server; a name that is no organisation's reaches none. */
async function routing(proxyUrl: string, orgs: Org[]): Promise<void> {
	for (const org of orgs) {
		const health = await viaHost(proxyUrl, org.host, '/api/health');
		check(`${org.host} answers through the proxy`, health.status === 200, `${health.status}`);
		const hello = await firstRealtimeMessage(proxyUrl, org.host);
		check(
			`${org.host}: the realtime stream comes through unbuffered`,
			hello.includes('PB_CONNECT'),
			hello || 'nothing within 5 s'
		);
	}
	const stranger = await viaHost(proxyUrl, 'org-c.clyde.test', '/api/health');
	check(
		'an unknown host name reaches no organisation (421)',
		stranger.status === 421,
		`${stranger.status}`
	);
}

/** `count` events of a learner on the org's lessons, as a phone's outbox holds them. */
function events(org: Org, count: number) {
	return Array.from({ length: count }, (_, i) => ({
		id: randomUUID(),
		type: 'lesson_opened',
		lesson: `${org.prefix}-l${(i % 3) + 1}`,
		module: `${org.prefix}-m`,
		pathway: `${org.prefix}-p`,
		at: new Date(Date.UTC(2026, 11, 1, 9, i)).toISOString()
	}));
}

async function push(proxyUrl: string, org: Org, count: number): Promise<void> {
	const batch = events(org, count);
	const answer = await viaHost<{ stored?: number }>(proxyUrl, org.host, '/api/clyde/sync/push', {
		token: org.learner.token,
		body: { events: batch }
	});
	const stored = answer.body.stored ?? 0;
	check(
		`${org.host}: ${count} events pushed and stored`,
		answer.status === 200 && stored === count,
		`${answer.status} ${JSON.stringify(answer.body)}`
	);
	org.pushed.push(...batch.map((event) => event.id));
}

/** The op ids the org's server gives its learner back (the pull another device makes). */
async function pulled(proxyUrl: string, org: Org, token = org.learner.token, host = org.host) {
	const answer = await viaHost<{ events?: { id: string }[] }>(
		proxyUrl,
		host,
		'/api/clyde/sync/pull?limit=500',
		{ token }
	);
	return { status: answer.status, ids: (answer.body.events ?? []).map((event) => event.id) };
}

async function signUpAndSync(proxyUrl: string, org: Org): Promise<void> {
	const { email } = org.learner;
	const made = await viaHost<{ id?: string }>(
		proxyUrl,
		org.host,
		'/api/collections/users/records',
		{
			body: {
				email,
				password: PASSWORD,
				passwordConfirm: PASSWORD,
				name: `Learner of ${org.name}`,
				role: 'learner'
			}
		}
	);
	check(
		`${org.host}: a learner signs up`,
		made.status === 200,
		`${made.status} ${JSON.stringify(made.body)}`
	);
	const auth = await viaHost<{ token?: string; record?: { id: string } }>(
		proxyUrl,
		org.host,
		'/api/collections/users/auth-with-password',
		{
			body: { identity: email, password: PASSWORD }
		}
	);
	check(
		`${org.host}: the learner signs in`,
		auth.status === 200 && !!auth.body.token,
		`${auth.status}`
	);
	org.learner.token = auth.body.token ?? '';
	org.learner.id = auth.body.record?.id ?? '';
	await push(proxyUrl, org, 5);
	const back = await pulled(proxyUrl, org);
	check(
		`${org.host}: the learner's other device pulls exactly those 5 events`,
		same(back.ids, org.pushed),
		JSON.stringify(back)
	);
}

/** Nothing of one organisation can be seen or used through the other. */
async function isolation(proxyUrl: string, orgs: Org[]): Promise<void> {
	for (const org of orgs) {
		for (const other of orgs.filter((o) => o !== org)) {
			const signIn = await viaHost(
				proxyUrl,
				other.host,
				'/api/collections/users/auth-with-password',
				{
					body: { identity: org.learner.email, password: PASSWORD }
				}
			);
			check(
				`${org.name}'s learner cannot sign in at ${other.host}`,
				signIn.status === 400,
				`${signIn.status}`
			);
			const token = await pulled(proxyUrl, other, org.learner.token, other.host);
			check(
				`${org.name}'s token is refused by ${other.host}`,
				token.status === 401,
				`${token.status}`
			);
			const admin = await adminOf(other.server.url);
			const accounts = await admin
				.collection('users')
				.getList(1, 1, { filter: admin.filter('email = {:e}', { e: org.learner.email }) });
			const stored = await admin.collection('progress_events').getList(1, 1, {
				filter: org.pushed
					.map((id, i) => admin.filter(`op_id = {:id${i}}`, { [`id${i}`]: id }))
					.join(' || ')
			});
			check(
				`${other.name}'s database holds no account or event of ${org.name}`,
				accounts.totalItems === 0 && stored.totalItems === 0,
				`${accounts.totalItems} accounts, ${stored.totalItems} events`
			);
		}
	}
}

/**
 * Each organisation backed up, then changed, then restored alone: its changes since the
 * backup are gone (the backup's age is what a restore loses, docs/operations.md), and the other
 * organisation, which ran on meanwhile, has every event it had.
 */
async function backupsAndRestores(proxyUrl: string, orgs: Org[], work: string): Promise<void> {
	for (const org of orgs) {
		const out = join(work, `backups-${org.name}`);
		await npm(['run', '--silent', 'backup', '--', '--url', org.server.url, '--out', out], {
			ADMIN_EMAIL: TEST_ADMIN.email,
			ADMIN_PASSWORD: TEST_ADMIN.password,
			CLYDE_DATA_DIR: org.test.dataDir
		});
		const [file] = await readdir(out);
		check(`${org.name} backed up on its own (npm run backup)`, !!file);
		org.backup = join(out, file ?? '');
	}
	const atBackup = new Map(orgs.map((org) => [org, [...org.pushed]]));
	for (const org of orgs) await push(proxyUrl, org, 3);
	for (const org of orgs) {
		const others = orgs.filter((o) => o !== org);
		const before = await Promise.all(others.map((o) => pulled(proxyUrl, o)));
		await org.server.stop();
		const port = new URL(org.server.url).port;
		await npm(['run', '--silent', 'restore', '--', org.backup, '--force'], {
			CLYDE_DATA_DIR: org.test.dataDir,
			HOST: '127.0.0.1',
			PORT: port
		});
		org.server = await startPocketBase({
			binary: await findPocketBaseBinary(),
			dataDir: org.test.dataDir,
			host: '127.0.0.1',
			port: Number(port),
			env: { ...RELAXED_RATE_LIMITS, ...BEHIND_PROXY }
		});
		const back = await pulled(proxyUrl, org);
		check(
			`${org.name} restored alone: its events are those of its backup, the 3 after it gone`,
			same(back.ids, atBackup.get(org) ?? []),
			JSON.stringify(back)
		);
		const after = await Promise.all(others.map((o) => pulled(proxyUrl, o)));
		check(
			`${org.name}'s restore left ${others.map((o) => o.name).join(', ')} as it was`,
			JSON.stringify(after) === JSON.stringify(before)
		);
		org.pushed = atBackup.get(org) ?? [];
	}
}

function same(a: string[], b: string[]): boolean {
	return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

async function npm(args: string[], env: Record<string, string>): Promise<void> {
	await run('npm', args, { cwd: ROOT, env: { ...process.env, ...env } }).catch(
		(error: { stderr?: string; stdout?: string }) => {
			throw new UserError(
				`npm ${args.slice(0, 3).join(' ')} failed: ${error.stderr || error.stdout || String(error)}`
			);
		}
	);
}

runMain(main);
