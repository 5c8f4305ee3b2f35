import { execFile } from 'node:child_process';
import { mkdtemp, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
	dir: string;
	/** Bytes an unprivileged write can still use. */
	free(): Promise<number>;
	/** Unmounts (lazily if something still holds it open) and removes the mount point. */
	remove(): Promise<void>;
}

/**
 * A small RAM filesystem whose size is a real limit: writes past it fail with ENOSPC, as on a
 * full disk. Needs root (or CAP_SYS_ADMIN); `mountTmpfs` rejects when mounting is not allowed,
 * and tests then skip with the reason.
 */
export async function mountTmpfs(size: string): Promise<Tmpfs> {
	const dir = await mkdtemp(join(tmpdir(), 'clyde-tmpfs-'));
	try {
		await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=700`, 'tmpfs', dir]);
	} catch (error) {
		await rm(dir, { recursive: true, force: true });
		throw new Error(`cannot mount a tmpfs here: ${(error as Error).message.trim()}`, {
			cause: error
		});
	}
	return {
		dir,
		async free() {
			const stats = await statfs(dir);
			return stats.bavail * stats.bsize;
		},
		async remove() {
			await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
			await rm(dir, { recursive: true, force: true });
		}
	};
}

/** Why a tmpfs cannot be mounted on this machine, or undefined when it can. */
export async function tmpfsUnavailable(): Promise<string | undefined> {
	try {
		await (await mountTmpfs('1m')).remove();
		return undefined;
	} catch (error) {
		return (error as Error).message;
	}
}
