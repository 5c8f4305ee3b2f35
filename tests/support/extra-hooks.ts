import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';

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
	const { dir, remove } = await hooksBeside();
	for (const name of await readdir(resolve(ROOT, 'pb_hooks'))) {
		await symlink(resolve(ROOT, 'pb_hooks', name), join(dir, name));
	}
	for (const file of extraFiles) await copyFile(file, join(dir, `zz-${basename(file)}`));
	return { dir, remove };
}

/**
 * The same, with the pb_hooks of another commit (`ref`, e.g. main) instead of the working
 * tree's: for A/B benchmarks of a change to the hooks at the same load.
 */
export async function hooksAt(ref: string, extraFiles: string[]): Promise<HooksDir> {
	const { dir, remove } = await hooksBeside();
	const archive = `git -C '${ROOT}' archive '${ref}' pb_hooks | tar -x -C '${dir}' --strip-components=1`;
	await promisify(execFile)('sh', ['-c', archive]);
	for (const file of extraFiles) await copyFile(file, join(dir, `zz-${basename(file)}`));
	return { dir, remove };
}

/**
 * An empty hooks dir with the project's node_modules beside it, as pb_hooks/ has: the badge
 * hooks load tweetnacl from `../node_modules` (README, Deploy).
 */
async function hooksBeside(): Promise<HooksDir> {
	const base = await mkdtemp(join(tmpdir(), 'clyde-hooks-'));
	const dir = join(base, 'pb_hooks');
	await mkdir(dir);
	await symlink(resolve(ROOT, 'node_modules'), join(base, 'node_modules'));
	return { dir, remove: () => rm(base, { recursive: true, force: true }) };
}
