import type { BadgesApi } from '$lib/api/badges';
import type { ClydeDatabase } from '$lib/db/database';
import type { IssuerDocument } from './types';

/**
 * The issuer's public keys for /verify, every one it ever published (so badges signed before a
 * rotation check too), with the badges it has revoked: fresh from the server when online (and
 * kept in Dexie), else the copy kept last time, so a badge can be checked offline once the phone
 * has been online with the app. undefined when there is neither.
 */
export async function issuerKeys(
	db: ClydeDatabase,
	api: BadgesApi,
	online: boolean
): Promise<IssuerDocument | undefined> {
	const kept = (await db.issuers.toArray()).sort((a, b) =>
		(b.fetchedAt ?? '').localeCompare(a.fetchedAt ?? '')
	)[0];
	if (online) {
		try {
			const [issuer, list] = await Promise.all([
				api.issuer(),
				api.revoked().catch(() => undefined)
			]);
			// Without a fresh list, what was known revoked stays revoked.
			const revoked = list?.revoked ?? (kept?.id === issuer.id ? kept.revoked : undefined);
			const fresh = { ...issuer, fetchedAt: new Date().toISOString(), revoked };
			await db.issuers.put(fresh);
			return fresh;
		} catch {
			// A server that cannot answer now: the kept copy is as good as it was.
		}
	}
	return kept;
}
