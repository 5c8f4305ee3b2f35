import type { Session } from '$lib/api/auth';
import type { SyncApi } from '$lib/api/sync';
import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';
import { mergeEvents } from '$lib/progress/merge-events';
import { cursorKey } from './session-store';

export const PULL_PAGE = 200;

/**
 * Brings in this learner's events from their other devices, page by page after the server's
 * cursor. Each page, its lessons' summaries and the new cursor are saved in one transaction,
 * so an interrupted pull repeats at most one page, and a repeated page changes nothing (events
 * are keyed by id, and only new ones are folded into the summaries).
 * Pulled events never enter the outbox: the server has them already. On a full phone it throws
 * StorageFullError and the cursor stays where it was.
 */
export async function pullEvents(
	db: ClydeDatabase,
	api: SyncApi,
	session: Session
): Promise<number> {
	const key = cursorKey(session.userId);
	let received = 0;
	for (;;) {
		const cursor = ((await db.settings.get(key))?.value as number | undefined) ?? 0;
		const page = await api.pull(session, cursor, PULL_PAGE);
		await db
			.transaction('rw', [db.events, db.summaries, db.settings, db.catalog], async () => {
				await mergeEvents(db, page.events);
				await db.settings.put({ key, value: page.cursor });
			})
			.catch((error: unknown) => {
				throw isQuotaError(error) ? new StorageFullError() : error;
			});
		received += page.events.length;
		if (!page.more) return received;
	}
}
