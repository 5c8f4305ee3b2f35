import type { Session } from '$lib/api/auth';
import type { ClydeDatabase } from '$lib/db/database';

/**
 * Everything Clyde holds about the learner on this phone (after a sync, that includes what
 * their other devices sent to the server), as one JSON document: their right of access.
 */
export async function exportData(db: ClydeDatabase, session: Session | undefined) {
	return {
		exportedAt: new Date().toISOString(),
		account: session ? { id: session.userId, email: session.email, name: session.name } : null,
		events: await db.events.orderBy('id').toArray(),
		notYetSynced: (await db.outbox.toArray()).map((row) => row.id),
		couldNotSync: await db.rejected.toArray()
	};
}
