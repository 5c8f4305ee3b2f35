import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TooManyRequests } from '$lib/api/http';
import type { LearnerApi } from '$lib/api/learner-api';
import type { SyncApi } from '$lib/api/sync';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { recordEvent } from '$lib/progress/record-event';
import { saveSession } from './session-store';
import { SyncEngine, type EngineClock } from './sync-engine';

/** A clock the test moves by hand; the engine's timers are only recorded. */
function manualClock(start = Date.parse('2026-01-01T10:00:00Z')) {
	let now = start;
	const timers: number[] = [];
	let waiting: ((ms: number) => void) | undefined;
	const clock: EngineClock = {
		now: () => new Date(now),
		random: () => 0.5,
		setTimeout: (_run, ms) => {
			waiting?.(ms);
			return timers.push(ms);
		},
		clearTimeout: () => {}
	};
	/** Resolves with the delay of the next timer the engine sets. */
	const nextTimer = () => new Promise<number>((resolve) => (waiting = resolve));
	return { clock, timers, nextTimer, advance: (ms: number) => (now += ms) };
}

/** An API whose push is rate-limited `limitedTimes` times, then stores everything. */
function rateLimitedApi(limitedTimes: number, retryAfterMs: number) {
	const pushed: string[] = [];
	let refusals = 0;
	const sync: SyncApi = {
		async push(_session, events) {
			if (refusals < limitedTimes) {
				refusals += 1;
				throw new TooManyRequests('Too many sync requests.', retryAfterMs);
			}
			pushed.push(...events.map((e) => e.id));
			return { accepted: events.length, stored: events.length, seq: events.length };
		},
		async pull() {
			return { events: [], cursor: 0, more: false };
		},
		share: async () => ({ stored: true })
	};
	const api = { sync } as Pick<LearnerApi, 'sync' | 'auth'>;
	return { api, pushed };
}

describe('SyncEngine on a rate limit', () => {
	let db: ClydeDatabase;
	beforeEach(async () => {
		db = openDatabase(`engine-${Math.random()}`);
		// A token without an expiry claim: the engine does not try to refresh it.
		await saveSession(db, { token: 'x.e30.x', userId: 'u', email: 'e@example.org', name: 'E' });
	});
	afterEach(() => db.delete());

	it('waits at least as long as Retry-After, keeps every event, then pushes them all', async () => {
		const opened = { type: 'lesson_opened', lesson: 'l', module: 'm', pathway: 'p' } as const;
		const events = [await recordEvent(db, opened), await recordEvent(db, opened)];
		const { clock, timers, advance } = manualClock();
		const { api, pushed } = rateLimitedApi(1, 300_000);
		const engine = new SyncEngine(db, api, clock);

		await engine.syncNow();
		expect(engine.status.state).toBe('waiting');
		expect(engine.status.message).toBe('Too many sync requests.');
		// Backoff alone would say 2 s; the server asked for 5 minutes.
		expect(timers.at(-1)).toBe(300_000);
		expect(engine.status.retryAt).toBe('2026-01-01T10:05:00.000Z');
		expect(await db.outbox.count()).toBe(2);

		advance(300_000);
		await engine.syncNow();
		expect(engine.status.state).toBe('idle');
		expect(pushed.sort()).toEqual(events.map((e) => e.id).sort());
		expect(await db.outbox.count()).toBe(0);
	});

	it('coming online or into view during the wait does not call the server early', async () => {
		await recordEvent(db, { type: 'lesson_opened', lesson: 'l', module: 'm', pathway: 'p' });
		const { clock, timers, advance } = manualClock();
		const { api } = rateLimitedApi(1, 60_000);
		const engine = new SyncEngine(db, api, clock);
		await engine.syncNow();
		const scheduled = timers.length;

		advance(10_000);
		engine.syncSoon(0);
		expect(timers.length).toBe(scheduled);

		advance(50_000);
		engine.syncSoon(0);
		expect(timers.at(-1)).toBe(0);
	});
});

describe('SyncEngine watching its outbox', () => {
	let db: ClydeDatabase;
	beforeEach(() => {
		db = openDatabase(`engine-${Math.random()}`);
	});
	afterEach(() => db.delete());

	it('syncs two seconds after each local write, and after starting with rows waiting', async () => {
		const opened = { type: 'lesson_opened', lesson: 'l', module: 'm', pathway: 'p' } as const;
		await recordEvent(db, opened);
		const { clock, timers, nextTimer } = manualClock();
		const engine = new SyncEngine(db, rateLimitedApi(0, 0).api, clock);

		let timer = nextTimer();
		const stop = engine.watchOutbox();
		expect(await timer).toBe(2_000);

		timer = nextTimer();
		await recordEvent(db, opened);
		expect(await timer).toBe(2_000);
		expect(timers).toEqual([2_000, 2_000]);
		stop();
	});
});
