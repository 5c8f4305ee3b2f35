import { resolve } from 'node:path';
import { hooksWith, type HooksDir } from './extra-hooks';

/**
 * A hooks dir with the project's pb_hooks plus a test-only route that runs SQLite's integrity
 * check inside the server: Node 20 has no SQLite of its own, and the check is most telling
 * when made by the engine that wrote the file.
 */
export function hooksWithIntegrityCheck(): Promise<HooksDir> {
	return hooksWith([resolve(import.meta.dirname, '../fixtures/integrity-hook/integrity.pb.js')]);
}

/** SQLite's verdict on data.db: ['ok'] when it is whole. Needs an admin token. */
export async function integrityCheck(url: string, adminToken: string): Promise<string[]> {
	const response = await fetch(`${url}/api/test/integrity`, {
		headers: { Authorization: adminToken }
	});
	if (!response.ok) throw new Error(`integrity check answered ${response.status}`);
	return ((await response.json()) as { result: string[] }).result;
}
