import type { BadgesApi } from '$lib/api/badges';
import type { ClydeDatabase } from '$lib/db/database';
import { parseJws } from './compact-jws';
import type { BadgeCredential, StoredBadge } from './types';

/**
 * Asks the issuer whether a badge kept on this phone still stands, and keeps a revocation it
 * learns, so the badge page and its certificate say so offline afterwards. A revoked badge is
 * never asked about again: revoking is for good. Throws when the issuer cannot be asked.
 */
export async function refreshBadge(
	db: ClydeDatabase,
	api: Pick<BadgesApi, 'status'>,
	badge: StoredBadge
): Promise<void> {
	if (badge.revoked) return;
	let url: string | undefined;
	try {
		url = (parseJws(badge.credential).payload as unknown as BadgeCredential).credentialStatus?.id;
	} catch {
		return;
	}
	if (!url) return;
	const status = await api.status(url);
	if (status.status !== 'revoked') return;
	await db.badges.update(badge.id, {
		revoked: status.revoked ?? new Date().toISOString(),
		revoked_reason: status.reason ?? ''
	});
}

/**
 * Every standing badge on this phone, asked about at once: when the app opens or comes online
 * (AppRoot.svelte), so the learner learns of a revocation without opening the badge. One small
 * public request per standing badge; one the issuer cannot answer now waits for the next time.
 */
export async function refreshBadges(
	db: ClydeDatabase,
	api: Pick<BadgesApi, 'status'>
): Promise<void> {
	const standing = await db.badges.filter((badge) => !badge.revoked).toArray();
	await Promise.allSettled(standing.map((badge) => refreshBadge(db, api, badge)));
}
