import { execFile, spawn } from 'node:child_process';
import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OutputTail } from '../output-tail';
import { UserError } from '../user-error';
import { nginxConfig, type Site } from './nginx-config';

const run = promisify(execFile);
const PLACES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];

async function found(): Promise<string | undefined> {
	for (const path of PLACES) {
		if (
			await access(path, constants.X_OK).then(
				() => true,
				() => false
			)
		)
			return path;
	}
	return undefined;
}

/**
 * Debian's nginx, installed with apt-get when it is missing and this runs as root. RUNLEVEL=1
 * keeps the package from starting the system's own nginx on port 80: the drill runs its own.
 */
export async function nginxBinary(): Promise<string> {
	const have = await found();
	if (have) return have;
	if (process.getuid?.() !== 0) {
		throw new UserError(
			'nginx is not installed: run "apt-get install nginx" as root, then the drill again'
		);
	}
	console.log('drill: nginx is not installed; installing it with apt-get…');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
	const install = () =>
		run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], { env });
	await install().catch(async () => {
		// A fresh machine's package lists may be empty or old.
		await run('apt-get', ['update'], { env });
		await install();
	});
	const now = await found();
	if (!now) throw new UserError('apt-get installed nginx, but no nginx binary was found');
	return now;
}

export interface RunningProxy {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

/** nginx in the foreground with its own prefix, config, pid and logs in `dir`. */
export async function startProxy(
	binary: string,
	dir: string,
	port: number,
	sites: Site[]
): Promise<RunningProxy> {
	await mkdir(dir, { recursive: true });
	const config = join(dir, 'nginx.conf');
	await writeFile(
		config,
		nginxConfig({ prefix: dir, port, sites, asRoot: process.getuid?.() === 0 })
	);
	const args = ['-p', dir, '-c', config, '-e', join(dir, 'error.log')];
	await run(binary, [...args, '-t']).catch((error: { stderr?: string }) => {
		throw new UserError(`nginx refused the drill's config: ${error.stderr ?? String(error)}`);
	});
	const child = spawn(binary, [...args, '-g', 'daemon off;'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const tail = new OutputTail();
	child.stderr.setEncoding('utf8').on('data', (text: string) => tail.push(text));
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	for (;;) {
		const up = await fetch(url).then(
			() => true,
			() => false
		);
		if (up) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new UserError(`nginx did not start on ${url}: ${tail.lastLines(5).join(' | ')}`);
		}
		await new Promise((wait) => setTimeout(wait, 100));
	}
	return {
		url,
		pid: child.pid ?? -1,
		async stop() {
			if (child.exitCode !== null) return;
			// SIGQUIT: nginx's graceful stop, for the master and its worker.
			child.kill('SIGQUIT');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(timer);
		}
	};
}
