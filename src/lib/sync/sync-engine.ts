import { liveQuery } from 'dexie';
import type { AccountApi } from '$lib/api/account';
import { tokenExpiry, type Session } from '$lib/api/auth';
import { RetryLater, SignInNeeded, TooManyRequests } from '$lib/api/http';
import type { LearnerApi } from '$lib/api/learner-api';
import type { ClydeDatabase } from '$lib/db/database';
import { backoffDelay } from './backoff';
import { pullEvents } from './pull-events';
import { pushLanguage } from './push-language';
import { pushOutbox } from './push-outbox';
import { pushShares } from './push-shares';
import { loadSession, saveSession } from './session-store';

export type SyncState = 'idle' | 'syncing' | 'waiting' | 'signed-out' | 'sign-in-needed';

export interface SyncStatus {
	state: SyncState;
	/** When the last full push and pull finished, ISO. */
	lastSyncedAt?: string;
	/** The last problem, in words, while waiting to retry. */
	message?: string;
	/** When the next retry is due, while waiting. */
	retryAt?: string;
}

export interface EngineClock {
	now(): Date;
	random(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const REGULAR_MS = 60_000;
/** After a local write: a burst of quiz answers goes up in one push. */
const AFTER_WRITE_MS = 2_000;
const REFRESH_BEFORE_MS = 2 * 24 * 3600_000;
const LAST_SYNCED = 'last-synced';

/**
 * Push then pull, one run at a time, retried with backoff without end. The engine knows no
 * window or timer of its own: it watches its outbox for local writes (`watchOutbox`), the app
 * wires the browser's triggers (open, online, visible) to `syncSoon` (app-sync.ts), and tests
 * drive it with their own clock.
 */
export class SyncEngine {
	#status: SyncStatus = { state: 'idle' };
	#listeners = new Set<(status: SyncStatus) => void>();
	#running: Promise<void> | undefined;
	#again = false;
	#timer: unknown;
	#attempt = 0;
	#stopped = false;
	/** Until when the server asked us not to call (429 Retry-After), epoch ms. */
	#limitedUntil = 0;
	/** The learner's language for Clyde's screens, kept on their account after each sync. */
	#language: { locale(): string; account: Pick<AccountApi, 'setLanguage'> } | undefined;

	constructor(
		private readonly db: ClydeDatabase,
		private readonly api: Pick<LearnerApi, 'sync' | 'auth'>,
		private readonly clock: EngineClock = {
			now: () => new Date(),
			random: Math.random,
			setTimeout: (run, ms) => setTimeout(run, ms),
			clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
		}
	) {}

	/** From now on, each sync also keeps the learner's language on their account (push-language.ts). */
	keepLanguage(locale: () => string, account: Pick<AccountApi, 'setLanguage'>): void {
		this.#language = { locale, account };
	}

	get status(): SyncStatus {
		return this.#status;
	}

	onStatus(listener: (status: SyncStatus) => void): () => void {
		this.#listeners.add(listener);
		listener(this.#status);
		return () => this.#listeners.delete(listener);
	}

	/** Runs a sync soon (debounced by `delayMs`), unless one is already waiting sooner. */
	syncSoon(delayMs = 0): void {
		if (this.#stopped) return;
		if (this.#status.state === 'waiting' && delayMs > 0) return;
		// Coming online or back into view must not cut short a wait the server asked for.
		if (this.#status.state === 'waiting' && this.clock.now().getTime() < this.#limitedUntil) return;
		this.#schedule(delayMs);
	}

	/** One full run now; resolves when it is done, whatever the outcome. */
	async syncNow(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#run().finally(() => (this.#running = undefined));
		await this.#running;
		if (this.#again && !this.#stopped) {
			this.#again = false;
			await this.syncNow();
		}
	}

	stop(): void {
		this.#stopped = true;
		this.clock.clearTimeout(this.#timer);
	}

	/**
	 * Syncs shortly after each local write: when the outbox grows (recordEvent adds a row with
	 * every event, in this tab or another). Returns the function that stops watching.
	 */
	watchOutbox(): () => void {
		// Rows already waiting count as written: Dexie's first count may come after a write
		// made just after this started, and would otherwise hide it.
		let seen = 0;
		const subscription = liveQuery(() => this.db.outbox.count()).subscribe({
			next: (count) => {
				if (count > seen) this.syncSoon(AFTER_WRITE_MS);
				seen = count;
			},
			// The database closed: the app's own triggers and the engine's timer still sync.
			error: () => {}
		});
		return () => subscription.unsubscribe();
	}

	async #run(): Promise<void> {
		let session = await loadSession(this.db);
		if (!session) {
			this.#set({ state: 'signed-out' });
			return;
		}
		this.#set({ state: 'syncing' });
		try {
			session = await this.#freshSession(session);
			await pushOutbox(this.db, this.api.sync, session, () => this.clock.now());
			await pushShares(this.db, this.api.sync, session, () => this.clock.now());
			await pullEvents(this.db, this.api.sync, session);
			if (this.#language) {
				await pushLanguage(this.db, this.#language.account, session, this.#language.locale());
			}
			const at = this.clock.now().toISOString();
			await this.db.settings.put({ key: LAST_SYNCED, value: at });
			this.#attempt = 0;
			this.#set({ state: 'idle', lastSyncedAt: at });
			this.#schedule(REGULAR_MS);
		} catch (error) {
			if (error instanceof SignInNeeded) {
				this.#set({
					state: 'sign-in-needed',
					message: 'Sign in again to sync. Your progress is kept on this phone.'
				});
				return;
			}
			this.#attempt += 1;
			const asked = error instanceof TooManyRequests ? error.retryAfterMs : 0;
			const delay = Math.max(backoffDelay(this.#attempt, this.clock.random), asked);
			this.#limitedUntil = this.clock.now().getTime() + asked;
			const message =
				error instanceof RetryLater ? error.message : `sync failed: ${(error as Error).message}`;
			this.#set({
				state: 'waiting',
				message,
				retryAt: new Date(this.clock.now().getTime() + delay).toISOString()
			});
			this.#schedule(delay);
		}
	}

	/** Refreshes a token that is close to expiry; an expired one needs a new sign-in. */
	async #freshSession(session: Session): Promise<Session> {
		const expiry = tokenExpiry(session.token);
		if (!expiry || expiry.getTime() - this.clock.now().getTime() > REFRESH_BEFORE_MS)
			return session;
		const fresh = await this.api.auth.refresh(session);
		await saveSession(this.db, fresh);
		return fresh;
	}

	#schedule(delayMs: number): void {
		this.clock.clearTimeout(this.#timer);
		this.#timer = this.clock.setTimeout(() => void this.syncNow(), delayMs);
	}

	#set(status: SyncStatus): void {
		const lastSyncedAt = status.lastSyncedAt ?? this.#status.lastSyncedAt;
		this.#status = { ...status, lastSyncedAt };
		for (const listener of this.#listeners) listener(this.#status);
	}

	/** The last successful sync, kept across restarts. */
	async loadLastSynced(): Promise<void> {
		const saved = (await this.db.settings.get(LAST_SYNCED))?.value as string | undefined;
		if (saved) this.#set({ ...this.#status, lastSyncedAt: saved });
	}
}
