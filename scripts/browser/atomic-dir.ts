import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const PARTIAL = '.partial-';

/**
 * Makes `dir` by building it in a sibling temp dir and renaming that into place, so `dir`
 * either does not exist or is complete: an interrupted build is never used, and when two
 * processes race, one rename wins and the other throws its copy away. Temp dirs left by
 * processes that died half-way are removed on the next call.
 */
export async function makeDirAtomically(
	dir: string,
	build: (tempDir: string) => Promise<void>
): Promise<'existing' | 'made'> {
	if (await isDir(dir)) return 'existing';
	await mkdir(dirname(dir), { recursive: true });
	await removeAbandoned(dir);
	const temp = `${dir}${PARTIAL}${process.pid}-${randomBytes(4).toString('hex')}`;
	await mkdir(temp);
	try {
		await build(temp);
		await rename(temp, dir);
		return 'made';
	} catch (error) {
		await rm(temp, { recursive: true, force: true });
		// Another process renamed its complete copy into place first: use that one.
		const code = (error as NodeJS.ErrnoException).code;
		if ((code === 'ENOTEMPTY' || code === 'EEXIST') && (await isDir(dir))) return 'existing';
		throw error;
	}
}

/** Removes `<dir>.partial-<pid>-…` dirs whose process no longer runs. */
async function removeAbandoned(dir: string): Promise<void> {
	const prefix = `${basename(dir)}${PARTIAL}`;
	for (const name of await readdir(dirname(dir))) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length).split('-')[0]);
		if (Number.isInteger(pid) && !isRunning(pid)) {
			await rm(join(dirname(dir), name), { recursive: true, force: true });
		}
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it runs, as another user.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function isDir(path: string): Promise<boolean> {
	try {
		return (await stat(path)).isDirectory();
	} catch {
		return false;
	}
}
