import { Rejected } from '$lib/api/http';
import type { Session } from '$lib/api/auth';
import type { SyncApi } from '$lib/api/sync';
import type { ClydeDatabase } from '$lib/db/database';

/**
 * A sync step, after the progress: sends each queued share, oldest first, and forgets it once
 * the server has it. One the server refuses moves to the rejected list with its reason (the
 * draft itself stays on the phone). Network and sign-in trouble are thrown for the engine.
 */
export async function pushShares(
	db: Pick<ClydeDatabase, 'shares' | 'rejected'>,
	api: Pick<SyncApi, 'share'>,
	session: Session,
	now = () => new Date()
): Promise<number> {
	let sent = 0;
	for (const share of await db.shares.orderBy('at').toArray()) {
		try {
			await api.share(session, share);
			sent += 1;
		} catch (error) {
			if (!(error instanceof Rejected) || error.status !== 400) throw error;
			await db.rejected.put({
				id: share.id,
				reason: `code for "${share.exercise}": ${error.message}`,
				rejectedAt: now().toISOString()
			});
		}
		await db.shares.delete(share.id);
	}
	return sent;
}
