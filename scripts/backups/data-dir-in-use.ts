import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The first process (pid and command) that has `file` open, read from Linux's /proc. A server
 * on another port than the configured one still holds data.db open: restoring under it would
 * hand it a database that it then overwrites. Elsewhere (no /proc) this finds nothing.
 */
export async function processHolding(file: string): Promise<string | undefined> {
	let pids: string[];
	try {
		pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
	} catch {
		return undefined;
	}
	for (const pid of pids) {
		let fds: string[];
		try {
			fds = await readdir(`/proc/${pid}/fd`);
		} catch {
			continue; // Gone, or another user's.
		}
		for (const fd of fds) {
			const target = await readlink(join(`/proc/${pid}/fd`, fd)).catch(() => '');
			if (target === file) {
				const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?');
				return `${pid} (${command.trim()})`;
			}
		}
	}
	return undefined;
}
