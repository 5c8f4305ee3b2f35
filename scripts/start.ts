import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { readStartConfig, ROOT } from './config';
import { findPocketBaseBinary } from './pocketbase/binary';
import { assertPortFree } from './pocketbase/ports';
import { runPocketBaseCli, startPocketBase } from './pocketbase/server';
import { compileContent } from './content/compile';
import { formatDiagnostic } from './content/diagnostics';
import { loadContent } from './content/load';
import { nodeSanitiser } from './content/node-sanitiser';
import { describeResult, publishContent } from './content/publish-client';
import { OutputTail } from './output-tail';
import { adminCredentials, ensureAdmin } from './seed/admin';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './seed/demo-accounts';
import { runMain, UserError } from './user-error';

/**
 * `npm start`: build the PWA, prepare the data dir, and serve app and API on one origin.
 * Every step is idempotent, so a second run changes nothing that the first one made.
 */
async function main(): Promise<void> {
	const config = readStartConfig(process.env);
	const binary = await findPocketBaseBinary();
	await assertPortFree(config.host, config.port);

	if (!config.skipBuild) {
		console.log('Building the app…');
		await runQuietly('npm', ['run', 'build']);
	}

	const dirs = { dataDir: config.dataDir, publicDir: resolve(ROOT, 'build') };
	await runPocketBaseCli(binary, ['migrate', 'up'], dirs);
	const admin = await adminCredentials(
		config.dataDir,
		config.adminEmail && config.adminPassword
			? { email: config.adminEmail, password: config.adminPassword }
			: undefined
	);
	await ensureAdmin(binary, dirs, admin);

	const server = await startPocketBase({
		...dirs,
		binary,
		host: config.host,
		port: config.port,
		echoErrors: true
	});
	let stopping = false;
	const stop = () => {
		stopping = true;
		void server.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
	void server.exited.then((code) => {
		if (stopping) return;
		const last = server.output().trimEnd().split('\n').slice(-20).join('\n');
		console.error(
			`${last}\nclyde: PocketBase stopped unexpectedly (exit ${code}); its last output is above`
		);
		process.exit(1);
	});

	const pb = new PocketBase(server.url);
	try {
		await pb.admins.authWithPassword(admin.email, admin.password);
	} catch {
		await server.stop();
		throw new UserError(
			`cannot sign in as admin ${admin.email}: its password differs from ${admin.source === 'env' ? 'ADMIN_PASSWORD' : admin.file}; fix it with "pocketbase admin update"`
		);
	}
	if (config.demo) await ensureDemoAccounts(pb);
	await publishBundledContent(server.url, pb.authStore.token, server.stop);

	printWelcome(
		server.url,
		config.demo,
		admin.source === 'env' ? 'ADMIN_EMAIL/ADMIN_PASSWORD' : admin.file
	);
}

/** Publishes content/ so a fresh server has lessons; unchanged content changes nothing. */
async function publishBundledContent(
	url: string,
	token: string,
	stop: () => Promise<void>
): Promise<void> {
	const { pathways, diagnostics } = compileContent(
		await loadContent(resolve(ROOT, 'content')),
		nodeSanitiser()
	);
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (errors.length > 0) {
		await stop();
		for (const d of errors) console.error(formatDiagnostic(d));
		throw new UserError(
			`content/ has ${errors.length} error(s); fix them (npm run content:check) and start again`
		);
	}
	const result = await publishContent({ url, token, pathways, dryRun: false });
	console.log(`Content: ${describeResult(result).at(-1)}`);
}

function printWelcome(url: string, demo: boolean, adminSource: string): void {
	const lines = [
		'',
		`Clyde is running at ${url}/`,
		`PocketBase admin UI: ${url}/_/ (credentials in ${adminSource})`
	];
	if (demo) {
		lines.push('Demo logins (local only; CLYDE_DEMO=0 turns them off):');
		const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
		for (const account of DEMO_ACCOUNTS) {
			lines.push(`  ${account.role.padEnd(8)} ${account.email.padEnd(width)}  ${account.password}`);
		}
	}
	lines.push('Press Ctrl+C to stop.', '');
	console.log(lines.join('\n'));
}

/**
 * Runs a command and keeps its output to itself unless it fails: a newcomer needs to know
 * where to open the app, not which chunks Vite wrote.
 */
function runQuietly(command: string, args: string[]): Promise<void> {
	return new Promise((done, fail) => {
		const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
		const tail = new OutputTail();
		child.stdout.setEncoding('utf8').on('data', (text: string) => tail.push(text));
		child.stderr.setEncoding('utf8').on('data', (text: string) => tail.push(text));
		child.once('error', fail);
		child.once('close', (code) => {
			if (code === 0) return done();
			console.error(tail.lastLines(40).join('\n'));
			fail(
				new UserError(
					`"${command} ${args.join(' ')}" failed (exit ${code}); its last lines are above`
				)
			);
		});
	});
}

runMain(main);
