import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PocketBase, { ClientResponseError } from 'pocketbase';
import { UserError } from '../user-error';

export interface AdminLogin {
	email: string;
	password: string;
	/** Where the credentials came from, named in error messages. */
	source: string;
}

/**
 * The admin that `npm start` uses: ADMIN_EMAIL/ADMIN_PASSWORD, else the file it saved in the
 * data dir. Unlike `npm start`, never generates one: a backup must not change the server.
 */
export async function adminLogin(
	dataDir: string,
	fromEnv: { email?: string; password?: string }
): Promise<AdminLogin> {
	if (fromEnv.email && fromEnv.password) {
		return {
			email: fromEnv.email,
			password: fromEnv.password,
			source: 'ADMIN_EMAIL/ADMIN_PASSWORD'
		};
	}
	const file = join(dataDir, 'clyde-admin.json');
	let saved: { email?: unknown; password?: unknown };
	try {
		saved = JSON.parse(await readFile(file, 'utf8')) as typeof saved;
	} catch {
		throw new UserError(
			`no admin credentials: set ADMIN_EMAIL and ADMIN_PASSWORD, or run where ${file} (written by npm start) exists`
		);
	}
	if (typeof saved.email !== 'string' || typeof saved.password !== 'string') {
		throw new UserError(
			`${file} has no "email" and "password": set ADMIN_EMAIL and ADMIN_PASSWORD`
		);
	}
	return { email: saved.email, password: saved.password, source: file };
}

/** The server's base URL as a client on this machine reaches it. */
export function localUrl(host: string, port: number): string {
	// A server bound to every address is reached on loopback.
	const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
	return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/** Whether a PocketBase answers its health check at url (within a few seconds). */
export async function isServing(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
		return response.ok;
	} catch {
		return false;
	}
}

/** A PocketBase client signed in as admin, or a one-line reason why not. */
export async function signInAsAdmin(url: string, login: AdminLogin): Promise<PocketBase> {
	if (!(await isServing(url))) {
		throw new UserError(
			`no Clyde server answers at ${url}: start it (npm start), or set HOST and PORT (or --url) to where it runs`
		);
	}
	const pb = new PocketBase(url);
	try {
		await pb.admins.authWithPassword(login.email, login.password, { requestKey: null });
	} catch (error) {
		if (error instanceof ClientResponseError && error.status === 400) {
			throw new UserError(
				`cannot sign in as admin ${login.email} at ${url}: wrong email or password (from ${login.source})`
			);
		}
		throw new UserError(`cannot sign in as admin at ${url}: ${(error as Error).message}`);
	}
	return pb;
}
