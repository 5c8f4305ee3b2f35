import { Rejected } from '$lib/api/http';
import type { Session } from '$lib/api/auth';
import type { SyncApi } from '$lib/api/sync';
import type { ClydeDatabase } from '$lib/db/database';
import type { ProgressEvent } from '$lib/progress/event-types';
import { wireEvent } from '$lib/progress/wire-event';

export const PUSH_BATCH = 200;

/**
 * Pushes the outbox, oldest first, until it is empty. A row leaves the outbox only when the
 * server said its event is stored (or was already). Events the server refuses move to the
 * rejected list with its reason; the rest of their batch is pushed again at once.
 * Network trouble and sign-in problems are thrown for the engine to handle: nothing is lost.
 */
export async function pushOutbox(
	db: ClydeDatabase,
	api: SyncApi,
	session: Session,
	now = () => new Date()
): Promise<number> {
	let pushed = 0;
	for (;;) {
		const rows = await db.outbox.orderBy('id').limit(PUSH_BATCH).toArray();
		if (rows.length === 0) return pushed;
		const events = (await db.events.bulkGet(rows.map((r) => r.id))).filter(
			(e): e is ProgressEvent => e !== undefined
		);
		// An outbox row whose event is gone cannot be sent; keep it visible rather than loop.
		const orphans = rows.filter((r) => !events.some((e) => e.id === r.id));
		if (orphans.length)
			await reject(
				db,
				orphans.map((r) => ({ id: r.id, reason: 'the event is missing on this phone' })),
				now()
			);
		if (events.length === 0) continue;
		try {
			const answer = await api.push(session, events.map(wireEvent));
			// The server answers for the whole batch or refuses it; an answer for fewer events
			// than were sent is not one this phone understands, so nothing leaves the outbox.
			if (answer.accepted !== events.length)
				throw new Error(`the server accepted ${answer.accepted} of ${events.length} events`);
			await db.outbox.bulkDelete(events.map((e) => e.id));
			pushed += events.length;
		} catch (error) {
			// A refusal that names no event (a malformed batch) is the engine's to retry.
			if (!(error instanceof Rejected) || error.invalid.length === 0) throw error;
			await reject(
				db,
				error.invalid.map((i) => ({ id: events[i.index]?.id ?? i.id, reason: i.reason })),
				now()
			);
		}
	}
}

async function reject(
	db: ClydeDatabase,
	items: { id: string; reason: string }[],
	at: Date
): Promise<void> {
	await db.transaction('rw', db.outbox, db.rejected, async () => {
		await db.rejected.bulkPut(items.map((i) => ({ ...i, rejectedAt: at.toISOString() })));
		await db.outbox.bulkDelete(items.map((i) => i.id));
	});
}
