import { copyFile, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface HooksDir {
	dir: string;
	remove(): Promise<void>;
}

/**
 * A hooks dir with the project's pb_hooks (linked, so they are the real ones) plus hook files
 * that only tests or benchmarks load, copied in under a `zz-` name so they run after the
 * project's own.
 */
export async function hooksWith(extraFiles: string[]): Promise<HooksDir> {
	const dir = await mkdtemp(join(tmpdir(), 'clyde-hooks-'));
	for (const name of await readdir(resolve(ROOT, 'pb_hooks'))) {
		await symlink(resolve(ROOT, 'pb_hooks', name), join(dir, name));
	}
	for (const file of extraFiles) await copyFile(file, join(dir, `zz-${basename(file)}`));
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
