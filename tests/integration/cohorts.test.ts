import { callRoute } from '../support/call-route';
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import PocketBase, { ClientResponseError, type RecordSubscription } from 'pocketbase';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { learnerApi } from '../../src/lib/api/learner-api';
import { CohortFeed } from '../../src/lib/tutor/cohort-feed';
import { TutorClient } from '../../src/lib/tutor/tutor-client';
import { createLessons } from '../support/content-records';

// Node has no EventSource; the SDK's realtime client needs one (see the PocketBase sheet).
(globalThis as { EventSource?: unknown }).EventSource = EventSource;

const url = inject('pbUrl');
/** CODE_ALPHABET of pb_hooks/lib/cohorts.js: no 0/O, 1/I/L, so a projected code reads right. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE = new RegExp(`^[${CODE_ALPHABET}]{8}$`);
const PASSWORD = `cohorts-${randomUUID().slice(0, 8)}-secret`;

interface Account {
	id: string;
	name: string;
	email: string;
	pb: PocketBase;
}

/** A published pathway with one module, made for one test so its events are its own. */
interface Place {
	pathway: string;
	module: string;
	lessons: string[];
}

type EventType = 'lesson_opened' | 'lesson_completed' | 'quiz_answered' | 'quiz_completed';

let admin: PocketBase;
let prefix: string;
let tutor: Account;
let otherTutor: Account;
let editor: Account;
// Learners are shared by the tests (sign-ups are slow: password hashing); each test makes its
// own cohorts on its own pathway, so nothing one test does shows up in another.
let ada: Account;
let ben: Account;
let cleo: Account;
let places = 0;

function client(): PocketBase {
	const pb = new PocketBase(url);
	pb.autoCancellation(false);
	return pb;
}

async function signUp(name: string, role: string): Promise<Account> {
	const email = `${prefix}-${name.toLowerCase().replace(/\W/g, '')}@example.org`;
	const record = await admin
		.collection('users')
		.create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name, role });
	const pb = client();
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { id: record.id, name, email, pb };
}

async function newPlace(lessonCount = 2): Promise<Place> {
	const set = `${prefix}-p${++places}`;
	const lessons = await createLessons(admin, set, lessonCount, { published: true });
	return { pathway: `${set}-p`, module: `${set}-m`, lessons };
}

function call(who: Account | null, method: string, path: string, body?: unknown) {
	return callRoute(url, who?.pb.authStore.token ?? '', method, path, body);
}

function createCohort(owner: Account, place: Place, name = `Cohort ${randomUUID().slice(0, 6)}`) {
	return owner.pb.collection('cohorts').create({ name, pathway: place.pathway, tutor: owner.id });
}

const join = (learner: Account, code: unknown) =>
	call(learner, 'POST', '/api/clyde/cohorts/join', { code });

const dashboard = (who: Account, cohort: string) =>
	call(who, 'GET', `/api/clyde/cohorts/${cohort}/progress`);

function event(place: Place, type: EventType, lesson = 0, extra: Record<string, unknown> = {}) {
	return {
		id: randomUUID(),
		type,
		lesson: place.lessons[lesson] as string,
		module: place.module,
		pathway: place.pathway,
		at: new Date().toISOString(),
		...extra
	};
}

/** Pushes through the sync route, as the app's outbox does; returns the op ids. */
async function push(learner: Account, events: Array<ReturnType<typeof event>>): Promise<string[]> {
	const answer = await call(learner, 'POST', '/api/clyde/sync/push', { events });
	expect(answer.status, answer.text).toBe(200);
	return events.map((e) => e.id);
}

/** The cohort's membership ids, oldest first. */
async function memberships(cohort: string): Promise<string[]> {
	const found = await admin
		.collection('memberships')
		.getFullList({ filter: admin.filter('cohort = {:cohort}', { cohort }), sort: 'created' });
	return found.map((m) => m.id);
}

async function memberIds(cohort: string): Promise<string[]> {
	const members = await admin
		.collection('memberships')
		.getFullList({ filter: admin.filter('cohort = {:cohort}', { cohort }), sort: 'created' });
	return members.map((m) => m.learner);
}

/** Polls until `found` answers something, for at most a few seconds. */
async function until<T>(what: string, found: () => T | undefined, ms = 5000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = found();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Nothing arrived in ${ms} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** A separate realtime connection with `who`'s token (or none): as a dashboard opens one. */
function liveClient(who: Account | null): PocketBase {
	const pb = client();
	if (who) pb.authStore.save(who.pb.authStore.token, who.pb.authStore.model);
	return pb;
}

describe('cohorts against a real PocketBase', () => {
	beforeAll(async () => {
		admin = client();
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		prefix = `co${randomUUID().slice(0, 6)}`;
		// A pathway that exists but is not published.
		await createLessons(admin, `${prefix}-hidden`, 1);
		[tutor, otherTutor, editor, ada, ben, cleo] = await Promise.all([
			signUp('Tess Tutor', 'tutor'),
			signUp('Omar Othertutor', 'tutor'),
			signUp('Edna Editor', 'editor'),
			signUp('Ada Learner', 'learner'),
			signUp('Ben Learner', 'learner'),
			signUp('Cleo Learner', 'learner')
		]);
	});

	// Each test starts with no cohorts: deleting them deletes their memberships too.
	afterEach(async () => {
		if (!tutor) return;
		const cohorts = await admin.collection('cohorts').getFullList({
			filter: admin.filter('tutor = {:a} || tutor = {:b}', { a: tutor.id, b: otherTutor.id })
		});
		for (const cohort of cohorts) await admin.collection('cohorts').delete(cohort.id);
	});

	// The server is shared with other test files: leave nothing behind. Deleting the accounts
	// deletes their events.
	afterAll(async () => {
		for (const account of [tutor, otherTutor, editor, ada, ben, cleo]) {
			if (account) await admin.collection('users').delete(account.id);
		}
		for (const collection of ['lessons', 'modules', 'pathways']) {
			const mine = await admin
				.collection(collection)
				.getFullList({ filter: admin.filter('content_id ~ {:p}', { p: `${prefix}-` }) });
			for (const r of mine) await admin.collection(collection).delete(r.id);
		}
	});

	it('a tutor creates a cohort and gets an 8-character code from the unambiguous alphabet and the default thresholds', async () => {
		const place = await newPlace(1);
		const cohorts = [];
		for (let i = 0; i < 3; i++) cohorts.push(await createCohort(tutor, place));
		for (const cohort of cohorts) {
			expect(cohort.join_code).toMatch(CODE);
			expect(cohort).toMatchObject({
				quiz_fails: 3,
				quiz_low_score: 50,
				quiet_days: 7,
				behind_lessons: 5
			});
		}
		expect(new Set(cohorts.map((c) => c.join_code)).size).toBe(3);
	});

	it('creating a cohort for an unpublished or unknown pathway is refused with a 400 that names the pathway', async () => {
		for (const pathway of [`${prefix}-hidden-p`, `${prefix}-nowhere`]) {
			const error = await tutor.pb
				.collection('cohorts')
				.create({ name: 'Nowhere', pathway, tutor: tutor.id })
				.catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ClientResponseError);
			const { status, response } = error as ClientResponseError;
			expect(status).toBe(400);
			expect(response.message).toBe(`There is no published pathway "${pathway}".`);
			expect(response.data.pathway.code).toBe('validation_unknown_pathway');
		}
		const made = await admin
			.collection('cohorts')
			.getFullList({ filter: admin.filter('tutor = {:t}', { t: tutor.id }) });
		expect(made).toEqual([]);
	});

	it('a learner joins with the code typed in lowercase with spaces and dashes', async () => {
		const place = await newPlace(1);
		const cohort = await createCohort(tutor, place, 'Tuesday evenings');
		const code = cohort.join_code as string;
		const typed = ` ${code.slice(0, 4).toLowerCase()} - ${code.slice(4).toLowerCase()} `;
		const answer = await join(ada, typed);
		expect(answer.status, answer.text).toBe(200);
		expect(answer.body.cohort).toEqual({
			id: cohort.id,
			name: 'Tuesday evenings',
			pathway: place.pathway
		});
		expect(await memberIds(cohort.id)).toEqual([ada.id]);
	});

	it('joining twice is harmless: one membership', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		const first = await join(ada, cohort.join_code);
		const second = await join(ada, (cohort.join_code as string).toLowerCase());
		expect([first.status, second.status]).toEqual([200, 200]);
		expect(second.body.membership).toBe(first.body.membership);
		expect(await memberIds(cohort.id)).toEqual([ada.id]);
	});

	it('a wrong code gets a 404 with the same message whatever the code', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		const code = cohort.join_code as string;
		// A near miss (the last symbol changed) must be answered exactly like gibberish.
		const last = code.at(-1) as string;
		const next = CODE_ALPHABET[(CODE_ALPHABET.indexOf(last) + 1) % CODE_ALPHABET.length];
		const nearMiss = `${code.slice(0, 7)}${next}`;
		const wrong: unknown[] = [nearMiss, code.slice(0, 7), `${code}A`, '', '!!!!!!!!', 12345678];
		const answers = [];
		for (const attempt of wrong) answers.push(await join(ada, attempt));
		answers.push(await call(ada, 'POST', '/api/clyde/cohorts/join', {}));
		for (const answer of answers) {
			expect(answer.status).toBe(404);
			// The same words every time: a guess learns nothing about which codes exist.
			expect(answer.body).toEqual(answers[0]?.body);
			expect(answer.text).not.toContain(code);
		}
		expect(answers[0]?.body.message).toBe('No class has this code. Check it with your tutor.');
		expect(await memberIds(cohort.id)).toEqual([]);
	});

	it('a tutor or an editor cannot join a cohort (403)', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		for (const someone of [otherTutor, tutor, editor]) {
			const answer = await join(someone, cohort.join_code);
			expect(answer.status, answer.text).toBe(403);
		}
		expect(await memberIds(cohort.id)).toEqual([]);
	});

	it("a learner lists their own cohorts as they see them: names and pathways, no codes, nobody else's", async () => {
		const place = await newPlace(1);
		const monday = await createCohort(tutor, place, 'Monday mornings');
		const thursday = await createCohort(otherTutor, place, 'Thursday afternoons');
		const bens = await createCohort(tutor, place);
		const joined = [await join(ada, monday.join_code), await join(ada, thursday.join_code)];
		expect((await join(ben, bens.join_code)).status).toBe(200);

		const api = learnerApi(url).cohorts;
		const session = (who: Account) => ({ ...who, userId: who.id, token: who.pb.authStore.token });
		const mine = await api.mine(session(ada));
		expect(mine).toHaveLength(2);
		expect(mine).toEqual(expect.arrayContaining(joined.map((answer) => answer.body)));
		expect(JSON.stringify(mine)).not.toMatch(
			new RegExp([monday, thursday, bens].map((c) => c.join_code).join('|'))
		);
		expect(await api.mine(session(cleo))).toEqual([]);
		expect((await call(null, 'GET', '/api/clyde/cohorts/mine')).status).toBe(401);

		await api.leave(session(ada), mine[0]?.membership ?? '');
		expect(await api.mine(session(ada))).toEqual([mine[1]]);
	});

	it('renewing the code stops the old one working and keeps the members', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		const old = cohort.join_code as string;
		expect((await join(ada, old)).status).toBe(200);

		const renewed = await call(tutor, 'POST', `/api/clyde/cohorts/${cohort.id}/renew-code`);
		expect(renewed.status, renewed.text).toBe(200);
		const fresh = renewed.body.join_code as string;
		expect(fresh).toMatch(CODE);
		expect(fresh).not.toBe(old);
		expect((await tutor.pb.collection('cohorts').getOne(cohort.id)).join_code).toBe(fresh);

		expect((await join(ben, old)).status).toBe(404);
		expect((await join(ben, fresh)).status).toBe(200);
		expect(await memberIds(cohort.id)).toEqual([ada.id, ben.id]);
	});

	/** Whether the tutor can reach the learner: on the dashboard, their profile, their events. */
	async function tutorReaches(cohort: string, learner: Account, opIds: string[]) {
		const board = await dashboard(tutor, cohort);
		expect(board.status, board.text).toBe(200);
		const events = await tutor.pb.collection('progress_events').getFullList({
			filter: admin.filter('user = {:user}', { user: learner.id })
		});
		const profile = await tutor.pb
			.collection('users')
			.getOne(learner.id)
			.then(
				() => true,
				(e: ClientResponseError) => (e.status === 404 ? false : Promise.reject(e))
			);
		const live = await call(tutor, 'GET', `/api/clyde/cohorts/${cohort}/progress?after=0`);
		return {
			onDashboard: board.body.learners.some((l: { id: string }) => l.id === learner.id),
			dashboardEvents: live.body.events.filter((e: { id: string }) => opIds.includes(e.id)).length,
			listedEvents: events.filter((e) => opIds.includes(e.op_id)).length,
			profile
		};
	}

	async function learnerWithEvents() {
		const place = await newPlace(2);
		const cohort = await createCohort(tutor, place);
		const joined = await join(ada, cohort.join_code);
		const opIds = await push(ada, [
			event(place, 'lesson_opened'),
			event(place, 'lesson_completed')
		]);
		const reached = { onDashboard: true, dashboardEvents: 2, listedEvents: 2, profile: true };
		expect(await tutorReaches(cohort.id, ada, opIds)).toEqual(reached);
		return { cohort, membership: joined.body.membership as string, opIds };
	}

	const gone = { onDashboard: false, dashboardEvents: 0, listedEvents: 0, profile: false };

	it("a learner who leaves disappears from the tutor's dashboard, and the tutor can no longer read their events", async () => {
		const { cohort, membership, opIds } = await learnerWithEvents();
		await ada.pb.collection('memberships').delete(membership);
		expect(await tutorReaches(cohort.id, ada, opIds)).toEqual(gone);
	});

	it('a tutor who removes a learner loses them the same way', async () => {
		const { cohort, membership, opIds } = await learnerWithEvents();
		await tutor.pb.collection('memberships').delete(membership);
		expect(await tutorReaches(cohort.id, ada, opIds)).toEqual(gone);
	});

	it("deleting a cohort removes its memberships but never the learner's events", async () => {
		const { cohort, opIds } = await learnerWithEvents();
		await tutor.pb.collection('cohorts').delete(cohort.id);
		expect(await memberIds(cohort.id)).toEqual([]);
		const kept = await admin.collection('progress_events').getFullList({
			filter: opIds.map((op) => admin.filter('op_id = {:op}', { op })).join(' || ')
		});
		expect(kept.map((e) => e.user)).toEqual([ada.id, ada.id]);
		// And the learner's other devices still pull them.
		const pulled = await call(ada, 'GET', '/api/clyde/sync/pull?after=0&limit=500');
		const ids = pulled.body.events.map((e: { id: string }) => e.id);
		expect(ids).toEqual(expect.arrayContaining(opIds));
		expect((await dashboard(tutor, cohort.id)).status).toBe(404);
	});

	it('the tutor can change the thresholds within their limits; values out of range or not whole are refused', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		const thresholds = (id: string) =>
			admin
				.collection('cohorts')
				.getOne(id)
				.then((c) => ({
					quiz_fails: c.quiz_fails,
					quiz_low_score: c.quiz_low_score,
					quiet_days: c.quiet_days,
					behind_lessons: c.behind_lessons
				}));
		const lowest = { quiz_fails: 1, quiz_low_score: 1, quiet_days: 1, behind_lessons: 1 };
		const highest = { quiz_fails: 20, quiz_low_score: 100, quiet_days: 90, behind_lessons: 200 };
		for (const limits of [lowest, highest]) {
			await tutor.pb.collection('cohorts').update(cohort.id, limits);
			expect(await thresholds(cohort.id)).toEqual(limits);
		}
		const outOfRange = [
			{ quiz_fails: 21 },
			{ quiz_fails: -1 },
			{ quiz_low_score: 101 },
			{ quiz_low_score: 12.5 },
			{ quiet_days: 91 },
			{ behind_lessons: 201 },
			{ quiet_days: 2.5 }
		];
		for (const change of outOfRange) {
			const error = await tutor.pb
				.collection('cohorts')
				.update(cohort.id, change)
				.catch((e: unknown) => e);
			expect(error, JSON.stringify(change)).toBeInstanceOf(ClientResponseError);
			const { status, response } = error as ClientResponseError;
			const field = Object.keys(change)[0] as string;
			expect(status).toBe(400);
			expect(response.data[field]?.code).toMatch(/^validation_/);
		}
		expect(await thresholds(cohort.id)).toEqual(highest);
		// Nobody else may change them.
		await expect(
			otherTutor.pb.collection('cohorts').update(cohort.id, lowest)
		).rejects.toMatchObject({ status: 404 });
		expect(await thresholds(cohort.id)).toEqual(highest);
	});

	// PocketBase treats 0 in a number field as "empty", so 0 would pass the field's minimum
	// of 1 and the hook would fill the default: the hook refuses a 0 that was sent.
	it('a threshold of 0 is refused rather than silently reset to the default', async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		for (const field of ['quiz_fails', 'quiz_low_score']) {
			const attempt = tutor.pb.collection('cohorts').update(cohort.id, { [field]: 0 });
			await expect(attempt).rejects.toMatchObject({
				status: 400,
				response: { data: { [field]: { code: 'validation_min_number_constraint' } } }
			});
		}
	});

	// Moving a cohort to another pathway would show its tutor the events their members made
	// on that pathway for other cohorts: the update rule keeps the pathway fixed.
	it("a tutor cannot move their cohort to another pathway and so read their learner's events there", async () => {
		const mine = await newPlace(1);
		const theirs = await newPlace(1);
		const cohort = await createCohort(tutor, mine);
		const other = await createCohort(otherTutor, theirs);
		expect((await join(ada, cohort.join_code)).status).toBe(200);
		expect((await join(ada, other.join_code)).status).toBe(200);
		const [elsewhere] = await push(ada, [event(theirs, 'lesson_opened')]);
		const moved = tutor.pb.collection('cohorts').update(cohort.id, { pathway: theirs.pathway });
		await moved.catch(() => undefined);
		const visible = await tutor.pb.collection('progress_events').getFullList({
			filter: admin.filter('op_id = {:op}', { op: elsewhere })
		});
		expect(visible).toEqual([]);
		await expect(moved).rejects.toBeInstanceOf(ClientResponseError);
	});

	it("the dashboard answers its learners and, learner by lesson, what their events on the cohort's pathway add up to; ?after= answers the events since, oldest first, without single quiz answers", async () => {
		const place = await newPlace(2);
		const elsewhere = await newPlace(1);
		const cohort = await createCohort(tutor, place);
		expect((await join(ada, cohort.join_code)).status).toBe(200);
		expect((await join(ben, cohort.join_code)).status).toBe(200);
		const empty = await dashboard(tutor, cohort.id);
		expect(empty.status, empty.text).toBe(200);
		// Cleo studies the same pathway but is not in the cohort.
		const [opened, answered, quiz] = await push(ada, [
			event(place, 'lesson_opened'),
			event(place, 'quiz_answered', 0, { question: 0, correct: true }),
			event(place, 'quiz_completed', 0, { correct: 2, total: 3, passed: false })
		]);
		const [benOpened] = await push(ben, [event(place, 'lesson_opened', 1)]);
		const [completed] = await push(ada, [
			event(place, 'lesson_completed'),
			event(elsewhere, 'lesson_opened')
		]);
		await push(cleo, [event(place, 'lesson_opened')]);
		const [benQuiz] = await push(ben, [
			event(place, 'quiz_completed', 1, { correct: 3, total: 3, passed: true })
		]);

		const board = await dashboard(tutor, cohort.id);
		expect(board.status, board.text).toBe(200);
		expect(board.body.cohort).toEqual({
			id: cohort.id,
			name: cohort.name,
			pathway: place.pathway,
			join_code: cohort.join_code,
			quiz_fails: 3,
			quiz_low_score: 50,
			quiet_days: 7,
			behind_lessons: 5
		});
		// Two joins so far; the cursor covers every event stored.
		expect(board.body.roster).toBe(2);
		expect(board.body.cursor).toBeGreaterThan(empty.body.cursor);

		const memberships = await admin
			.collection('memberships')
			.getFullList({ filter: admin.filter('cohort = {:c}', { c: cohort.id }) });
		// Dates in ISO 8601, like the events' own `at` (PocketBase writes "2026-01-31 09:30:00.000Z").
		const joined = (learner: Account) =>
			memberships.find((m) => m.learner === learner.id)?.created.replace(' ', 'T');
		// Sorted by name; each with what the grid needs.
		expect(board.body.learners).toEqual([
			expect.objectContaining({
				id: ada.id,
				name: ada.name,
				email: ada.email,
				joined: joined(ada)
			}),
			expect.objectContaining({ id: ben.id, name: ben.name, email: ben.email, joined: joined(ben) })
		]);
		for (const learner of board.body.learners) {
			expect(learner.active).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		}
		// Ada: lesson 0 opened, completed, one failed attempt at 2/3; Ben: lesson 1 opened and
		// passed at 3/3. Nobody touched anything else, and Cleo's and the other pathway's events
		// count nowhere.
		const cells = board.body.cells;
		const cell = (i: number) => ({
			learner: board.body.learners[cells.learner[i]].id,
			lesson: cells.lesson[i],
			flags: cells.flags[i],
			fails: cells.fails[i],
			best: cells.best[i],
			done: cells.done[i] === null ? null : 'some time'
		});
		// In no promised order (the app files cells by learner and lesson): sorted here, Ada first.
		const sorted = cells.learner
			.map((_: number, i: number) => i)
			.sort((a: number, b: number) => cells.learner[a] - cells.learner[b]);
		expect(sorted.map(cell)).toEqual([
			{
				learner: ada.id,
				lesson: place.lessons[0],
				flags: 1 + 2,
				fails: 1,
				best: 0.6667,
				done: 'some time'
			},
			{
				learner: ben.id,
				lesson: place.lessons[1],
				flags: 1 + 4,
				fails: 0,
				best: 1,
				done: 'some time'
			}
		]);

		const changes = await call(
			tutor,
			'GET',
			`/api/clyde/cohorts/${cohort.id}/progress?after=${empty.body.cursor}`
		);
		expect(changes.status, changes.text).toBe(200);
		const events = changes.body.events as Array<Record<string, unknown>>;
		expect(events.map((e) => [e.id, e.user, e.type])).toEqual([
			[opened, ada.id, 'lesson_opened'],
			[quiz, ada.id, 'quiz_completed'],
			[benOpened, ben.id, 'lesson_opened'],
			[completed, ada.id, 'lesson_completed'],
			[benQuiz, ben.id, 'quiz_completed']
		]);
		expect(events.map((e) => e.id)).not.toContain(answered);
		const seqs = events.map((e) => e.seq as number);
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
		for (const e of events) expect(e.received).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(events[1]).toMatchObject({ correct: 2, total: 3, passed: false });
		expect(events[4]).toMatchObject({ correct: 3, total: 3, passed: true });
		for (const e of [events[0], events[2], events[3]]) expect(e).not.toHaveProperty('correct');
		expect(changes.body).toMatchObject({ cursor: board.body.cursor, more: false });
		// Nothing new since the last read.
		const none = await call(
			tutor,
			'GET',
			`/api/clyde/cohorts/${cohort.id}/progress?after=${board.body.cursor}`
		);
		expect(none.body).toEqual({ events: [], cursor: board.body.cursor, more: false });
		for (const bad of ['-1', '1.5', 'x']) {
			const refused = await call(
				tutor,
				'GET',
				`/api/clyde/cohorts/${cohort.id}/progress?after=${bad}`
			);
			expect(refused.status).toBe(400);
		}
	});

	it("the dashboard names each learner's language as their phone kept it on their account; only a language Clyde has is kept", async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		expect((await join(ada, cohort.join_code)).status).toBe(200);
		expect((await join(ben, cohort.join_code)).status).toBe(200);
		await ada.pb.collection('users').update(ada.id, { language: 'pl' });
		await expect(
			ben.pb.collection('users').update(ben.id, { language: 'xx' })
		).rejects.toBeInstanceOf(ClientResponseError);
		const board = await dashboard(tutor, cohort.id);
		expect(
			board.body.learners.map((l: { id: string; language: string }) => [l.id, l.language])
		).toEqual([
			[ada.id, 'pl'],
			[ben.id, '']
		]);
		await ada.pb.collection('users').update(ada.id, { language: '' });
	});

	it('a kept dashboard answer is sent again only while nothing it shows has changed', async () => {
		const place = await newPlace(2);
		const cohort = await createCohort(tutor, place);
		expect((await join(ada, cohort.join_code)).status).toBe(200);
		/** The whole read, and how the server made it: kept, patched or built (its Server-Timing). */
		const read = async (who: Account = tutor) => {
			const response = await fetch(`${url}/api/clyde/cohorts/${cohort.id}/progress`, {
				headers: { authorization: who.pb.authStore.token }
			});
			const timing = response.headers.get('server-timing') ?? '';
			const text = await response.text();
			return { status: response.status, text, kept: /"kept"/.test(timing), timing };
		};
		const cellsOf = (text: string) => (JSON.parse(text) as { cells: { lesson: string[] } }).cells;
		// The cursor is the newest event of the whole server, which other test files move.
		const withoutCursor = (text: string) => ({ ...JSON.parse(text), cursor: 0 });
		const first = await read();
		expect(first.kept).toBe(false);
		const again = await read();
		expect(again.kept).toBe(true);
		expect(withoutCursor(again.text)).toEqual(withoutCursor(first.text));

		// A push to the cohort's pathway: the next read has it, the kept answer patched.
		await push(ada, [event(place, 'lesson_opened', 1)]);
		const pushed = await read();
		expect(pushed.timing).toContain('"patched"');
		expect(cellsOf(pushed.text).lesson).toEqual([place.lessons[1]]);
		expect((await read()).kept).toBe(true);

		// A learner's new name, a tutor's threshold, a join: each shows at once.
		const name = `Ada ${randomUUID().slice(0, 4)}`;
		await ada.pb.collection('users').update(ada.id, { name });
		const renamed = await read();
		expect(renamed.kept).toBe(false);
		expect(JSON.parse(renamed.text).learners[0].name).toBe(name);
		await tutor.pb.collection('cohorts').update(cohort.id, { quiet_days: 9 });
		const threshold = await read();
		expect(JSON.parse(threshold.text).cohort.quiet_days).toBe(9);
		expect((await join(ben, cohort.join_code)).status).toBe(200);
		expect(JSON.parse((await read()).text).learners).toHaveLength(2);

		// An admin deleting a stored event recounts its cell: the kept answer no longer holds.
		const stored = await admin.collection('progress_events').getFirstListItem(
			admin.filter('user = {:user} && pathway = {:pathway}', {
				user: ada.id,
				pathway: place.pathway
			})
		);
		expect((await read()).kept).toBe(true);
		await admin.collection('progress_events').delete(stored.id);
		const deleted = await read();
		expect(deleted.kept).toBe(false);
		expect(cellsOf(deleted.text).lesson).toEqual([]);

		// Another tutor gets nothing of it, kept or not.
		const refused = await read(otherTutor);
		expect(refused.status).toBe(404);
		expect(refused.text).not.toContain(ada.id);
		await ada.pb.collection('users').update(ada.id, { name: ada.name });
	});

	it("someone else's cohort answers 404, the same as a cohort id that does not exist", async () => {
		const cohort = await createCohort(tutor, await newPlace(1));
		expect((await join(ada, cohort.join_code)).status).toBe(200);
		const nonsense = await dashboard(tutor, 'nosuchcohort00');
		expect(nonsense.status).toBe(404);
		for (const someone of [otherTutor, ada, editor]) {
			const board = await dashboard(someone, cohort.id);
			expect(board.status).toBe(404);
			expect(board.body).toEqual(nonsense.body);
			const renew = await call(someone, 'POST', `/api/clyde/cohorts/${cohort.id}/renew-code`);
			expect(renew.status).toBe(404);
			expect(renew.body).toEqual(nonsense.body);
		}
		expect((await admin.collection('cohorts').getOne(cohort.id)).join_code).toBe(cohort.join_code);
	});

	describe('realtime', () => {
		it("a tutor subscribed to their cohort's notice hears each push that concerns it once, within seconds, and nothing of another tutor's cohort or of their learner's events on another pathway; no single event is sent to anyone", async () => {
			const mine = await newPlace(1);
			const theirs = await newPlace(1);
			const cohort = await createCohort(tutor, mine);
			const other = await createCohort(otherTutor, theirs);
			// Ada is in both cohorts: her events on the other pathway concern the other cohort.
			for (const [learner, code] of [
				[ada, cohort.join_code],
				[ada, other.join_code],
				[ben, other.join_code]
			] as const) {
				expect((await join(learner, code)).status).toBe(200);
			}

			const heard: Array<[string, string, RecordSubscription]> = [];
			const listen = async (who: Account, topics: string[]) => {
				const live = liveClient(who);
				for (const topic of topics) {
					const [collection = '', record = ''] = topic.split('/');
					await live
						.collection(collection)
						.subscribe(record, (e) => heard.push([who.name, topic, e]));
				}
				return live;
			};
			const lives = [
				// The list rule would show the tutor Ada's events: none is sent one by one.
				await listen(tutor, [`cohort_activity/${cohort.id}`, 'progress_events/*']),
				await listen(otherTutor, [`cohort_activity/${cohort.id}`, `cohort_activity/${other.id}`])
			];
			try {
				await push(ben, [event(theirs, 'lesson_opened')]);
				await push(ada, [event(theirs, 'lesson_opened')]);
				const sent = Date.now();
				await push(ada, [
					event(mine, 'lesson_opened'),
					event(mine, 'quiz_answered', 0, { question: 0, correct: true }),
					event(mine, 'lesson_completed')
				]);
				const notice = await until('the notice', () =>
					heard.find(([who, topic]) => who === tutor.name && topic.includes(cohort.id))
				);
				expect(Date.now() - sent).toBeLessThan(2000);
				const newest = await dashboard(tutor, cohort.id);
				// It carries the cell the push changed, whole, so the dashboard reads nothing.
				expect(notice[2].record).toMatchObject({
					id: cohort.id,
					seq: newest.body.cursor,
					previous: 0,
					roster: 1,
					cells: [
						{
							learner: ada.id,
							lesson: mine.lessons[0],
							flags: 3,
							fails: 0,
							best: null,
							done: expect.any(String),
							active: expect.any(String)
						}
					]
				});
				// A last push to the other cohort: once its notice is here, the earlier ones are too.
				await push(ben, [event(theirs, 'lesson_completed')]);
				await until('the last notice', () =>
					heard.filter(([, topic]) => topic === `cohort_activity/${other.id}`).length === 3
						? true
						: undefined
				);
				expect(heard.map(([who, topic, e]) => [who, topic, e.action])).toEqual([
					[otherTutor.name, `cohort_activity/${other.id}`, 'update'],
					[otherTutor.name, `cohort_activity/${other.id}`, 'update'],
					[tutor.name, `cohort_activity/${cohort.id}`, 'update'],
					[otherTutor.name, `cohort_activity/${other.id}`, 'update']
				]);
			} finally {
				for (const live of lives) await live.realtime.unsubscribe();
			}
		});

		it("a tutor's open dashboard (the app's own client) shows a learner's push within two seconds, and a learner joining and leaving", async () => {
			const place = await newPlace(2);
			const cohort = await createCohort(tutor, place);
			const session = {
				token: tutor.pb.authStore.token,
				userId: tutor.id,
				email: tutor.email,
				name: tutor.name
			};
			const client = new TutorClient(session, url);
			const feed = new CohortFeed(client, cohort.id, {
				onState: () => {},
				onError: (error) => {
					throw error;
				}
			});
			await feed.reload();
			const stop = await feed.watch();
			try {
				expect(feed.state?.learners).toEqual([]);
				await join(ada, cohort.join_code);
				await until('Ada on the dashboard', () =>
					feed.state?.learners.some((l) => l.id === ada.id) ? true : undefined
				);
				const sent = Date.now();
				await push(ada, [event(place, 'lesson_opened', 1), event(place, 'lesson_completed', 1)]);
				const tally = await until('her completion', () =>
					feed.state?.tallies.get(ada.id)?.lessons.get(place.lessons[1] as string)
				);
				expect(Date.now() - sent).toBeLessThan(2000);
				expect(tally).toMatchObject({ touched: true, completed: true, fails: 0 });
				const [membership] = await memberships(cohort.id);
				await ada.pb.collection('memberships').delete(membership as string);
				await until('Ada gone', () => (feed.state?.learners.length === 0 ? true : undefined));
			} finally {
				await stop();
			}
		});

		it('an anonymous subscriber hears no cohort (nor its join code), membership or event', async () => {
			const anonymous = liveClient(null);
			const received: Array<[string, RecordSubscription]> = [];
			for (const collection of ['cohorts', 'memberships', 'progress_events', 'cohort_activity']) {
				await anonymous
					.collection(collection)
					.subscribe('*', (e) => received.push([collection, e]));
			}
			// Published pathways are public: a change to one, made last, proves the connection
			// is live and that everything before it would have arrived already.
			const marker = await newPlace(1);
			const markerId = (
				await admin
					.collection('pathways')
					.getFirstListItem(admin.filter('content_id = {:id}', { id: marker.pathway }))
			).id;
			await anonymous
				.collection('pathways')
				.subscribe(markerId, (e) => received.push(['pathways', e]));
			try {
				const place = await newPlace(1);
				const cohort = await createCohort(tutor, place);
				expect((await join(ada, cohort.join_code)).status).toBe(200);
				await push(ada, [event(place, 'lesson_opened')]);
				await admin.collection('pathways').update(markerId, { title: 'Marker' });
				await until('the public marker', () =>
					received.find(([collection]) => collection === 'pathways')
				);
				const private_ = received.filter(([collection]) => collection !== 'pathways');
				expect(private_.map(([collection, e]) => [collection, e.action, e.record])).toEqual([]);
			} finally {
				await anonymous.realtime.unsubscribe();
			}
		});
	});
});
