import { copyFile, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * A hooks dir with the project's pb_hooks (linked, so they are the real ones) plus a test-only
 * route that runs SQLite's integrity check inside the server: Node 20 has no SQLite of its own,
 * and the check is most telling when made by the engine that wrote the file.
 */
export async function hooksWithIntegrityCheck(): Promise<{ dir: string; remove(): Promise<void> }> {
	const dir = await mkdtemp(join(tmpdir(), 'clyde-hooks-'));
	for (const name of await readdir(resolve(ROOT, 'pb_hooks'))) {
		await symlink(resolve(ROOT, 'pb_hooks', name), join(dir, name));
	}
	await copyFile(
		resolve(ROOT, 'tests/fixtures/integrity-hook/integrity.pb.js'),
		join(dir, 'zz-test-integrity.pb.js')
	);
	return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** SQLite's verdict on data.db: ['ok'] when it is whole. Needs an admin token. */
export async function integrityCheck(url: string, adminToken: string): Promise<string[]> {
	const response = await fetch(`${url}/api/test/integrity`, {
		headers: { Authorization: adminToken }
	});
	if (!response.ok) throw new Error(`integrity check answered ${response.status}`);
	return ((await response.json()) as { result: string[] }).result;
}
