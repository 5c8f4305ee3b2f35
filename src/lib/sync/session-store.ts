import type { Session } from '$lib/api/auth';
import type { ClydeDatabase } from '$lib/db/database';

const KEY = 'session';

export async function loadSession(db: ClydeDatabase): Promise<Session | undefined> {
	return (await db.settings.get(KEY))?.value as Session | undefined;
}

export async function saveSession(db: ClydeDatabase, session: Session): Promise<void> {
	await db.settings.put({ key: KEY, value: session });
}

/** Signs out on this device. Events and the outbox stay: unsynced work waits for the next sign-in. */
export async function clearSession(db: ClydeDatabase): Promise<void> {
	await db.settings.delete(KEY);
}

export const cursorKey = (userId: string) => `pull-cursor:${userId}`;
