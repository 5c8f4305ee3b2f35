import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PocketBaseCliError, runPocketBaseCli, type PocketBaseDirs } from '../pocketbase/server';
import { randomSecret } from './secret';

export interface AdminCredentials {
	email: string;
	password: string;
	/** Where the credentials came from, for the start-up message. */
	source: 'env' | 'file' | 'generated';
	file: string;
}

const FILE_NAME = 'clyde-admin.json';

/**
 * The PocketBase admin used by `npm start` to seed accounts and publish content. Taken from
 * ADMIN_EMAIL/ADMIN_PASSWORD, else from a file in the data dir, else generated once (random,
 * never a fixed password) and saved there with owner-only permissions.
 */
export async function adminCredentials(
	dataDir: string,
	fromEnv?: { email: string; password: string }
): Promise<AdminCredentials> {
	const file = join(dataDir, FILE_NAME);
	if (fromEnv) return { ...fromEnv, source: 'env', file };
	try {
		const saved = JSON.parse(await readFile(file, 'utf8')) as { email: string; password: string };
		return { email: saved.email, password: saved.password, source: 'file', file };
	} catch {
		const generated = {
			email: 'admin@clyde.local',
			password: randomSecret()
		};
		await writeFile(file, JSON.stringify(generated, null, '\t') + '\n', { mode: 0o600 });
		return { ...generated, source: 'generated', file };
	}
}

/** Creates the admin unless one with that email exists (the CLI reports that as an error). */
export async function ensureAdmin(
	binary: string,
	dirs: PocketBaseDirs,
	admin: AdminCredentials
): Promise<'created' | 'existing'> {
	try {
		await runPocketBaseCli(binary, ['admin', 'create'], dirs, [admin.email, admin.password]);
		return 'created';
	} catch (error) {
		if (
			error instanceof PocketBaseCliError &&
			/UNIQUE constraint failed: _admins\.email/.test(error.reason)
		) {
			return 'existing';
		}
		throw error;
	}
}
