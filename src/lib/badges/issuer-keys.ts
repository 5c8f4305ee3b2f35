import type { BadgesApi } from '$lib/api/badges';
import type { ClydeDatabase } from '$lib/db/database';
import type { IssuerDocument } from './types';

/**
 * The issuer's public keys for /verify: fresh from the server when online (and kept in
 * Dexie), else the copy kept last time, so a badge can be checked offline once the phone has
 * been online with the app. undefined when there is neither.
 */
export async function issuerKeys(
	db: ClydeDatabase,
	api: BadgesApi,
	online: boolean
): Promise<IssuerDocument | undefined> {
	if (online) {
		try {
			const fresh = { ...(await api.issuer()), fetchedAt: new Date().toISOString() };
			await db.issuers.put(fresh);
			return fresh;
		} catch {
			// A server that cannot answer now: the kept copy is as good as it was.
		}
	}
	const kept = await db.issuers.toArray();
	return kept.sort((a, b) => (b.fetchedAt ?? '').localeCompare(a.fetchedAt ?? ''))[0];
}
