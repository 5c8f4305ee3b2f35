import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import { openDatabase } from '../../src/lib/db/database';
import { save as saveDraft } from '../../src/lib/exercises/drafts';
import { codeShare, MAX_SHARE_CHARS, type CodeShare } from '../../src/lib/exercises/share-code';
import { recordEvent } from '../../src/lib/progress/record-event';
import { queueShare } from '../../src/lib/exercises/share-code';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';

// "Send my code to my tutor" (docs/exercises.md) against a real PocketBase: the route's checks,
// who reads what it stored (every role: tests/integration/access-matrix.test.ts), and that a
// draft never leaves the phone unless the learner sends it.

const url = inject('pbUrl');
const password = 'share-password-1';
const prefix = `sh${randomUUID().slice(0, 6)}`;
const place = {
	exercise: 'first-heading',
	lesson: `${prefix}-l1`,
	module: `${prefix}-m`,
	pathway: `${prefix}-p`
};
const SECRET_CODE = '<h1>my draft 7f3a</h1>';
let admin: PocketBase;

async function learner(): Promise<Session> {
	const api = learnerApi(url);
	const email = `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
	await api.auth.signUp(email, password, 'Sharing Learner');
	return api.auth.signIn(email, password);
}

function share(files = { 'index.html': SECRET_CODE }, at = new Date()): CodeShare {
	const made = codeShare(place, files, randomUUID(), at);
	if ('over' in made) throw new Error('too big');
	return made;
}

const send = (session: Session | null, body: unknown) =>
	callRoute(url, session?.token ?? '', 'POST', '/api/clyde/share', body);

async function storedFor(userId: string) {
	return admin
		.collection('shared_code')
		.getFullList({ filter: admin.filter('user = {:u}', { u: userId }) });
}

/** An engine that never schedules by itself, sending every request through `fetcher`. */
function engine(db: ReturnType<typeof openDatabase>, fetcher?: typeof fetch) {
	return new SyncEngine(db, learnerApi(url, fetcher), {
		now: () => new Date(),
		random: () => 0.5,
		setTimeout: () => undefined,
		clearTimeout: () => {}
	});
}

describe('code shared with a tutor, on a real PocketBase', () => {
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await createLessons(admin, prefix, 1);
		const lesson = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('content_id = {:id}', { id: place.lesson }));
		await admin.collection('lessons').update(lesson.id, { exercises: [{ id: place.exercise }] });
	});

	it('stores a share once, however often the phone sends it', async () => {
		const session = await learner();
		const body = share();
		expect((await send(session, body)).body).toEqual({ stored: true });
		expect((await send(session, body)).body).toEqual({ stored: false });
		const stored = await storedFor(session.userId);
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({
			op_id: body.id,
			exercise: place.exercise,
			files: { html: SECRET_CODE, css: '', js: '' }
		});
	});

	it('refuses a bad share with the reason, naming the field, and stores nothing', async () => {
		const session = await learner();
		const big = { ...share(), files: { html: 'a'.repeat(MAX_SHARE_CHARS + 1), css: '', js: '' } };
		const cases: Array<[unknown, RegExp]> = [
			[big, /"files" hold 20001 characters; at most 20000/],
			[{ ...share(), files: { html: '', css: '', js: '', php: '' } }, /unknown file "php"/],
			[{ ...share(), lesson: 'no-such-lesson' }, /no lesson "no-such-lesson"/],
			[{ ...share(), module: 'other-m' }, /is in module/],
			[{ ...share(), exercise: 'not-this-one' }, /has no exercise "not-this-one"/],
			['not an object', /must be JSON/]
		];
		for (const [body, reason] of cases) {
			const answer = await send(session, body);
			expect(answer.status, answer.text).toBe(400);
			expect(answer.body.message).toMatch(reason);
		}
		expect(await storedFor(session.userId)).toHaveLength(0);
	});

	it('refuses anonymous senders and an id another learner used', async () => {
		const body = share();
		expect((await send(null, body)).status).toBe(401);
		const first = await learner();
		const second = await learner();
		expect((await send(first, body)).status).toBe(200);
		const answer = await send(second, { ...body, files: { html: 'not mine', css: '', js: '' } });
		expect(answer.status).toBe(400);
		expect(answer.body.message).toMatch(/belongs to another account/);
		expect(await storedFor(second.userId)).toHaveLength(0);
	});

	it('never sends a draft unless the learner shares it; then the next sync does', async () => {
		const session = await learner();
		const db = openDatabase(`share-${Math.random()}`);
		await saveSession(db, session);
		const sent: string[] = [];
		const watching: typeof fetch = (input, init) => {
			sent.push(`${String(input)} ${typeof init?.body === 'string' ? init.body : ''}`);
			return fetch(input, init);
		};
		// A session of typing and checking, with no share.
		await saveDraft(db, {
			lesson: place.lesson,
			exercise: place.exercise,
			files: { 'index.html': SECRET_CODE },
			checked: true
		});
		await recordEvent(db, {
			type: 'exercise_checked',
			...place,
			passed: false,
			failed: [0]
		});
		await engine(db, watching).syncNow();
		expect(sent.some((s) => s.includes('/api/clyde/sync/push'))).toBe(true);
		expect(sent.filter((s) => s.includes('7f3a'))).toEqual([]);
		expect(await storedFor(session.userId)).toHaveLength(0);

		// Shared while offline: kept on the phone until a sync reaches the server.
		await queueShare(db, share());
		await engine(db, async () => {
			throw new TypeError('Failed to fetch');
		}).syncNow();
		expect(await db.shares.count()).toBe(1);
		await engine(db, watching).syncNow();
		expect(await db.shares.count()).toBe(0);
		expect(sent.filter((s) => s.includes('7f3a'))).toHaveLength(1);
		expect(await storedFor(session.userId)).toHaveLength(1);
	});
});
