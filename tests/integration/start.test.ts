import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile';
import { loadContent } from '../../scripts/content/load';
import { freePort } from '../../scripts/pocketbase/ports';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const READY = 'Press Ctrl+C';

interface StartRun<T> {
	output: string;
	code: number | null;
	seen?: T;
}

/**
 * Runs `npm start`'s script (without the build: the test run has built already). Once it
 * says it is ready, `whileRunning` looks at the live server; then the script is stopped by
 * PID with SIGTERM, as Ctrl+C would.
 */
function runStart<T>(
	env: Record<string, string>,
	whileRunning?: (base: string) => Promise<T>
): Promise<StartRun<T>> {
	return new Promise((done, fail) => {
		const child = spawn(TSX, ['scripts/start.ts'], {
			cwd: ROOT,
			env: { ...process.env, CLYDE_SKIP_BUILD: '1', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		let seen: T | undefined;
		let inspecting = false;
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			fail(new Error(`npm start did not get ready in time:\n${output}`));
		}, 40_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (!output.includes(READY) || inspecting) return;
			inspecting = true;
			const look = whileRunning ? whileRunning(`http://127.0.0.1:${env.PORT}`) : Promise.resolve();
			look
				.then((value) => (seen = value ?? undefined))
				.catch(fail)
				.finally(() => child.kill('SIGTERM'));
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.once('exit', (code) => {
			clearTimeout(timer);
			done({ output, code, seen });
		});
	});
}

/** How many lessons content/ holds: what npm start publishes. */
async function bundledLessonCount(): Promise<number> {
	const { pathways } = compileContent(await loadContent(resolve(ROOT, 'content')));
	return pathways.flatMap((p) => p.modules.flatMap((m) => m.lessons)).length;
}

async function snapshotUsers(base: string, dataDir: string) {
	const admin = JSON.parse(await readFile(join(dataDir, 'clyde-admin.json'), 'utf8')) as {
		email: string;
		password: string;
	};
	const pb = new PocketBase(base);
	await pb.admins.authWithPassword(admin.email, admin.password);
	const users = await pb.collection('users').getFullList({ sort: 'email' });
	return users.map((u) => `${u.email} ${u.role} ${u.updated}`);
}

describe('npm start', () => {
	let dataDir: string;
	let port: number;

	let lessonsInContent: number;

	beforeAll(async () => {
		dataDir = await mkdtemp(join(tmpdir(), 'clyde-start-'));
		port = await freePort();
		lessonsInContent = await bundledLessonCount();
	});
	afterAll(() => rm(dataDir, { recursive: true, force: true }));

	it('serves app and API on one port with working demo logins; a second run changes nothing', async () => {
		const env = { PORT: String(port), CLYDE_DATA_DIR: dataDir };
		const first = await runStart(env, async (base) => {
			const shell = await (await fetch(`${base}/pathways/some/deep/link`)).text();
			const health = await fetch(`${base}/api/health`);
			const pb = new PocketBase(base);
			const tutor = await pb
				.collection('users')
				.authWithPassword('tutor@clyde.local', 'tutor-demo-pass');
			return {
				shell,
				health: health.status,
				role: tutor.record.role,
				lessons: (await pb.collection('lessons').getList(1, 1)).totalItems,
				users: await snapshotUsers(base, dataDir)
			};
		});
		expect(first.output).toContain(`Clyde is running at http://127.0.0.1:${port}/`);
		expect(first.output).toMatch(/learner\s+learner@clyde\.local\s+learner-demo-pass/);
		expect(first.seen?.shell).toContain('<title>Clyde</title>');
		expect(first.seen?.health).toBe(200);
		expect(first.seen?.role).toBe('tutor');
		expect(first.seen?.users).toHaveLength(3);
		expect(first.seen?.lessons).toBe(lessonsInContent);
		expect(first.output).toMatch(/Content: \d+ created, 0 updated/);
		// Only what a newcomer needs: the content line, then where to go and how to sign in.
		// PocketBase's own banner and the migrations' output stay out of it.
		expect(first.output).not.toMatch(/Server started|REST API|Applied \d+/);
		expect(first.output.trim().split('\n')).toHaveLength(9);

		const second = await runStart(env, (base) => snapshotUsers(base, dataDir));
		expect(second.seen).toEqual(first.seen?.users);
		expect(second.output).toMatch(/Content: 0 created, 0 updated, 0 republished, 0 unpublished/);
		// Two whole start-ups, each hashing passwords: on a busy two-core machine that is slow.
	}, 60_000);

	it('says in one line that the port is taken', async () => {
		const taken = await freePort();
		const blocker = createServer();
		await new Promise<void>((r) => blocker.listen(taken, '127.0.0.1', r));
		try {
			const run = await runStart({ PORT: String(taken), CLYDE_DATA_DIR: dataDir });
			expect(run.code).toBe(1);
			expect(run.output.trim()).toBe(
				`clyde: port ${taken} on 127.0.0.1 is already in use (another Clyde or PocketBase?); stop it or start with PORT=<another port>`
			);
		} finally {
			blocker.close();
		}
	});

	it('says in one line that the PocketBase binary is missing', async () => {
		const run = await runStart({ POCKETBASE_BIN: '/nowhere/pocketbase', CLYDE_DATA_DIR: dataDir });
		expect(run.code).toBe(1);
		expect(run.output.trim().split('\n')).toHaveLength(1);
		expect(run.output).toContain(
			'PocketBase binary not found or not executable at /nowhere/pocketbase'
		);
	});
});
