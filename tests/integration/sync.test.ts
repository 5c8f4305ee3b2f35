import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../../src/lib/api/auth';
import { Rejected } from '../../src/lib/api/http';
import { learnerApi } from '../../src/lib/api/learner-api';
import { openDatabase, type ClydeDatabase } from '../../src/lib/db/database';
import type { NewProgressEvent } from '../../src/lib/progress/event-types';
import { summarise } from '../../src/lib/progress/lesson-summary';
import { recordEvent } from '../../src/lib/progress/record-event';
import { pullEvents } from '../../src/lib/sync/pull-events';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { createLessons } from '../support/content-records';

const url = inject('pbUrl');
const api = learnerApi(url);
const password = 'learner-password-1';
let lessons: string[] = [];
let admin: PocketBase;

async function newLearner(): Promise<Session> {
	const email = `sync-${Math.random().toString(36).slice(2)}@example.org`;
	await api.auth.signUp(email, password, 'Sync Learner');
	return api.auth.signIn(email, password);
}

function device(): ClydeDatabase {
	return openDatabase(`device-${Math.random()}`);
}

const event = (
	lesson: string,
	type: 'lesson_opened' | 'lesson_completed' = 'lesson_completed'
): NewProgressEvent => ({
	type,
	lesson,
	module: 'sync-m',
	pathway: 'sync-p'
});

async function serverOpIds(userId: string): Promise<string[]> {
	const records = await admin
		.collection('progress_events')
		.getFullList({ filter: admin.filter('user = {:u}', { u: userId }), sort: 'seq' });
	return records.map((r) => r.op_id as string);
}

/** An engine that never schedules by itself: the test says when to sync. */
function engine(db: ClydeDatabase): SyncEngine {
	return new SyncEngine(db, api, {
		now: () => new Date(),
		random: () => 0.5,
		setTimeout: () => undefined,
		clearTimeout: () => {}
	});
}

describe('sync against a real PocketBase', () => {
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		lessons = await createLessons(admin, 'sync', 3);
	});

	it('a retried batch stores nothing twice', async () => {
		const session = await newLearner();
		const db = device();
		const events = [
			await recordEvent(db, event(lessons[0] as string)),
			await recordEvent(db, event(lessons[1] as string))
		];
		const first = await api.sync.push(session, events);
		const retry = await api.sync.push(session, events);
		expect(first).toEqual({ accepted: 2, stored: 2, seq: expect.any(Number) });
		expect(retry).toEqual({ accepted: 2, stored: 0, seq: 0 });
		expect(await serverOpIds(session.userId)).toEqual(events.map((e) => e.id));
	});

	it('a batch with one invalid event writes nothing and says which; the engine keeps it aside and syncs the rest', async () => {
		const session = await newLearner();
		const db = device();
		const good = await recordEvent(db, event(lessons[0] as string));
		const bad = await recordEvent(db, event('no-such-lesson'));
		const failure = await api.sync.push(session, [good, bad]).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(Rejected);
		expect((failure as Rejected).invalid).toEqual([
			{ index: 1, id: bad.id, reason: 'no lesson "no-such-lesson"' }
		]);
		expect(await serverOpIds(session.userId)).toEqual([]);

		await saveSession(db, session);
		await engine(db).syncNow();
		expect(await serverOpIds(session.userId)).toEqual([good.id]);
		expect(await db.outbox.count()).toBe(0);
		expect(await db.rejected.toArray()).toMatchObject([
			{ id: bad.id, reason: 'no lesson "no-such-lesson"' }
		]);
	});

	it('two devices of one learner converge to the same events and progress', async () => {
		const session = await newLearner();
		const phone = device();
		const library = device();
		await saveSession(phone, session);
		await saveSession(library, session);
		await recordEvent(phone, event(lessons[0] as string));
		await recordEvent(library, event(lessons[1] as string, 'lesson_opened'));
		await recordEvent(library, event(lessons[2] as string));
		for (const db of [phone, library, phone]) await engine(db).syncNow();

		const ids = async (db: ClydeDatabase) => (await db.events.toArray()).map((e) => e.id).sort();
		expect(await ids(phone)).toEqual(await ids(library));
		expect(await ids(phone)).toEqual((await serverOpIds(session.userId)).sort());
		// Progress as the screens read it: each lesson's summary, the same on both devices and
		// the same as a rebuild from all the events.
		const summaries = async (db: ClydeDatabase) =>
			Object.fromEntries((await db.summaries.toArray()).map((s) => [s.lesson, s]));
		expect(await summaries(phone)).toEqual(await summaries(library));
		expect(await summaries(phone)).toEqual(
			Object.fromEntries(summarise(await phone.events.toArray()))
		);
		expect(await phone.outbox.count()).toBe(0);
		expect(await library.outbox.count()).toBe(0);
	});

	it('events made before signing in are claimed by the account', async () => {
		const db = device();
		const early = await recordEvent(db, event(lessons[0] as string));
		const session = await newLearner();
		await saveSession(db, session);
		await engine(db).syncNow();
		expect(await serverOpIds(session.userId)).toEqual([early.id]);
	});

	it('a token that expired while offline loses no events: sync waits for a sign-in, then completes', async () => {
		const session = await newLearner();
		const db = device();
		const made = [
			await recordEvent(db, event(lessons[0] as string)),
			await recordEvent(db, event(lessons[1] as string))
		];
		// A token PocketBase no longer accepts, as after 14 days offline.
		await saveSession(db, { ...session, token: `${session.token.slice(0, -4)}xxxx` });
		const sync = engine(db);
		await sync.syncNow();
		expect(sync.status.state).toBe('sign-in-needed');
		expect(await db.outbox.count()).toBe(2);

		await saveSession(db, await api.auth.signIn(session.email, password));
		await sync.syncNow();
		expect(sync.status.state).toBe('idle');
		expect(await db.outbox.count()).toBe(0);
		expect(await serverOpIds(session.userId)).toEqual(made.map((e) => e.id));
	});

	it('an interrupted pull keeps its cursor and repeats at most one page', async () => {
		const session = await newLearner();
		const source = device();
		for (let i = 0; i < 450; i++)
			await recordEvent(source, event(lessons[i % 3] as string, 'lesson_opened'));
		await saveSession(source, session);
		await engine(source).syncNow();

		const fresh = device();
		let pages = 0;
		const flaky = {
			...api.sync,
			async pull(s: Session, after: number, limit: number) {
				if (++pages === 2) throw new Error('connection reset');
				return api.sync.pull(s, after, limit);
			}
		};
		await expect(pullEvents(fresh, flaky, session)).rejects.toThrow('connection reset');
		expect(await fresh.events.count()).toBe(200);
		const asked: number[] = [];
		const counting = {
			...api.sync,
			pull(s: Session, after: number, limit: number) {
				asked.push(after);
				return api.sync.pull(s, after, limit);
			}
		};
		await pullEvents(fresh, counting, session);
		expect(await fresh.events.count()).toBe(450);
		expect(asked[0]).toBeGreaterThan(0);
		expect(asked).toHaveLength(2);
	});

	it('a learner can delete their account, and their events go with it', async () => {
		const session = await newLearner();
		const db = device();
		await recordEvent(db, event(lessons[0] as string));
		await saveSession(db, session);
		await engine(db).syncNow();
		expect(await serverOpIds(session.userId)).toHaveLength(1);
		await api.account.remove(session);
		expect(await serverOpIds(session.userId)).toEqual([]);
	});

	it('on a shared phone, an event already stored for another learner is set aside, and the rest still sync', async () => {
		const first = await newLearner();
		const second = await newLearner();
		const db = device();
		const theirs = await recordEvent(db, event(lessons[0] as string));
		// Stored for the first learner, but the answer was lost: the outbox row stays.
		await api.sync.push(first, [theirs]);
		await saveSession(db, second);
		const mine = await recordEvent(db, event(lessons[1] as string));
		const sync = engine(db);
		await sync.syncNow();
		expect(sync.status.state).toBe('idle');
		expect(await db.outbox.count()).toBe(0);
		expect(await db.rejected.toArray()).toMatchObject([
			{ id: theirs.id, reason: 'this id belongs to another account' }
		]);
		expect(await serverOpIds(second.userId)).toEqual([mine.id]);
		expect(await serverOpIds(first.userId)).toEqual([theirs.id]);
	});

	it('refuses an event whose module or pathway does not match its lesson', async () => {
		const session = await newLearner();
		const db = device();
		const wrong = await recordEvent(db, { ...event(lessons[0] as string), module: 'elsewhere' });
		const failure = await api.sync.push(session, [wrong]).catch((e: unknown) => e);
		expect((failure as Rejected).invalid?.[0]?.reason).toBe(
			`lesson "${lessons[0]}" is in module "sync-m" of pathway "sync-p"`
		);
	});
});
