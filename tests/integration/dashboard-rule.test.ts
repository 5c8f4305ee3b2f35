import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProgressEvent } from '../../src/lib/progress/event-types';
import { summarise } from '../../src/lib/progress/lesson-summary';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { lessonRecord, recordOf } from '../../src/lib/tutor/cell-state';
import {
	fromProgress,
	tallyEvents,
	withChanges,
	type LearnerTally
} from '../../src/lib/tutor/cohort-state';
import type { CohortChanges, CohortProgress, TutorEvent } from '../../src/lib/tutor/types';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';
import { prefixedAccount, removePrefixed } from '../support/prefixed-records';

/**
 * The dashboard's first load is computed by SQLite (pb_hooks/lib/dashboard.js), its live
 * updates by the app (cohort-state.ts, cell-state.ts). Both must say the same of the same
 * events, or a tutor's grid would change when they reload it. Seeded histories of every kind
 * of event, in any order and with device clocks off, are pushed through the sync route, then
 * read back both ways.
 */

const url = inject('pbUrl');
const PASSWORD = `rule-${randomUUID().slice(0, 8)}-secret`;
const LESSONS = 6;
const LEARNERS = 5;
const QUIZ_FAILS = 2;
/** The cohort's low-score mark (%): two fails with no attempt reaching it also need help. */
const QUIZ_LOW_SCORE = 50;
/** Each lesson's exercises, as the catalog would name them: two on every other lesson. */
const EXERCISES = (lesson: string) => (lessons.indexOf(lesson) % 2 === 0 ? ['a', 'b'] : []);

let admin: PocketBase;
let prefix: string;
let lessons: string[];
let tutorToken: string;
let cohortId: string;
let learners: { id: string; token: string }[];

const place = () => ({ module: `${prefix}-m`, pathway: `${prefix}-p` });

const account = (role: 'learner' | 'tutor', n: number) =>
	prefixedAccount(admin, url, prefix, role, n, PASSWORD);

/**
 * A learner's random history: on each lesson, none to several events of every type, quiz
 * scores of every kind (0 of 3 to 5 of 5, passed or not), times a few minutes to weeks apart
 * and out of order, some with milliseconds and some without.
 */
function history(seed: number): ProgressEvent[] {
	const random = seededRandom(seed);
	const int = (n: number) => Math.floor(random() * n);
	const events: ProgressEvent[] = [];
	for (const lesson of lessons) {
		for (let n = int(7); n > 0; n--) {
			const at = new Date(Date.UTC(2026, 9, 1) + int(40 * 24 * 60) * 60_000 + int(1000));
			const common = {
				id: randomUUID(),
				lesson,
				...place(),
				at: random() < 0.3 ? at.toISOString().replace(/\.\d{3}Z$/, 'Z') : at.toISOString()
			};
			const roll = random();
			if (roll < 0.25) events.push({ ...common, type: 'lesson_opened' });
			else if (roll < 0.4) events.push({ ...common, type: 'lesson_completed' });
			else if (roll < 0.47)
				events.push({
					...common,
					type: 'quiz_answered',
					question: int(5),
					correct: random() < 0.5
				});
			else if (roll < 0.62) {
				// Exercises "a" and "b" (what even lessons have, EXERCISES), passed or not.
				const passed = random() < 0.8;
				const exercise = random() < 0.5 ? 'a' : 'b';
				events.push({
					...common,
					type: 'exercise_checked',
					exercise,
					passed,
					failed: passed ? [] : [0]
				});
			} else {
				const total = 3 + int(3);
				const correct = int(total + 1);
				events.push({ ...common, type: 'quiz_completed', total, correct, passed: random() < 0.5 });
			}
		}
	}
	// One lesson surely finished with both exercises passed, whatever the dice said.
	const first = { lesson: lessons[0] as string, ...place(), at: '2026-10-02T09:00:00.000Z' };
	events.push(
		{ ...first, id: randomUUID(), type: 'lesson_completed' },
		{
			...first,
			id: randomUUID(),
			type: 'exercise_checked',
			exercise: 'a',
			passed: true,
			failed: []
		},
		{
			...first,
			id: randomUUID(),
			type: 'exercise_checked',
			exercise: 'b',
			passed: true,
			failed: []
		}
	);
	return events;
}

async function push(token: string, events: ProgressEvent[]): Promise<void> {
	for (let i = 0; i < events.length; i += 500) {
		const answer = await callRoute(url, token, 'POST', '/api/clyde/sync/push', {
			events: events.slice(i, i + 500)
		});
		expect(answer.status, answer.text).toBe(200);
	}
}

async function whole(): Promise<CohortProgress> {
	const answer = await callRoute(url, tutorToken, 'GET', `/api/clyde/cohorts/${cohortId}/progress`);
	expect(answer.status, answer.text).toBe(200);
	return answer.body as CohortProgress;
}

/** Every event since `after`, as the dashboard's live reads get them. */
async function since(after: number): Promise<CohortChanges> {
	const events: TutorEvent[] = [];
	let cursor = after;
	for (;;) {
		const answer = await callRoute(
			url,
			tutorToken,
			'GET',
			`/api/clyde/cohorts/${cohortId}/progress?after=${cursor}`
		);
		expect(answer.status, answer.text).toBe(200);
		const page = answer.body as CohortChanges;
		events.push(...page.events);
		cursor = page.cursor;
		if (!page.more) return { events, cursor, more: false };
	}
}

/** Scores to the four places the server sends. */
function rounded(tallies: ReadonlyMap<string, LearnerTally>) {
	return [...tallies.entries()]
		.filter(([, tally]) => tally.lessons.size > 0)
		.map(([learner, tally]) => ({
			learner,
			active: tally.active,
			lessons: Object.fromEntries(
				[...tally.lessons.entries()].map(([lesson, t]) => [
					lesson,
					{ ...t, bestScore: t.bestScore === undefined ? undefined : t.bestScore.toFixed(4) }
				])
			)
		}))
		.sort((a, b) => a.learner.localeCompare(b.learner));
}

describe("the dashboard's SQL and the app's derivation agree", () => {
	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		prefix = `rule${randomUUID().slice(0, 6)}`;
		lessons = await createLessons(admin, prefix, LESSONS, { published: true });
		const tutor = await account('tutor', 0);
		tutorToken = tutor.token;
		learners = await Promise.all(
			Array.from({ length: LEARNERS }, (_, n) => account('learner', n + 1))
		);
		const cohort = await callRoute(url, tutorToken, 'POST', '/api/collections/cohorts/records', {
			name: `Rule ${prefix}`,
			pathway: place().pathway,
			tutor: tutor.id
		});
		cohortId = cohort.body.id;
		for (const learner of learners) {
			const joined = await callRoute(url, learner.token, 'POST', '/api/clyde/cohorts/join', {
				code: cohort.body.join_code
			});
			expect(joined.status, joined.text).toBe(200);
		}
	});

	afterAll(() => removePrefixed(admin, prefix));

	it('on every lesson of every learner: state, failed attempts, pass, best score, when done, and last activity', async () => {
		const pushed = learners.map((learner, n) => ({ learner, events: history(1000 + n) }));
		// Half now and half later, so the live reads below also start from a whole read.
		for (const { learner, events } of pushed) {
			await push(learner.token, events.slice(0, Math.ceil(events.length / 2)));
		}
		const before = fromProgress(await whole());
		for (const { learner, events } of pushed) {
			await push(learner.token, events.slice(Math.ceil(events.length / 2)));
		}
		const server = fromProgress(await whole());
		const stored = await since(0);

		// The same events, tallied by the app, give what the server's SQL gave.
		const shown = stored.events.filter((e) => e.seq <= server.cursor);
		expect(rounded(tallyEvents(shown))).toEqual(rounded(server.tallies));
		// And a whole read followed by live reads gives the same as a whole read at the end.
		const live = withChanges(before, (await since(before.cursor)).events, server.cursor);
		expect(rounded(live.tallies)).toEqual(rounded(server.tallies));

		// Lesson by lesson, cell-state.ts's own fold over the pushed events (single quiz answers
		// left out, as the dashboard leaves them) gives the state the server's tally gives.
		let compared = 0;
		for (const { learner, events } of pushed) {
			for (const lesson of lessons) {
				const mine = events
					.filter((e) => e.lesson === lesson && e.type !== 'quiz_answered')
					.map((e) => ({ ...e, user: learner.id, seq: 0 }) as TutorEvent);
				const tally = server.tallies.get(learner.id)?.lessons.get(lesson);
				const ids = EXERCISES(lesson);
				const expected = lessonRecord(mine, QUIZ_FAILS, QUIZ_LOW_SCORE, ids);
				const actual = tally
					? recordOf(tally, QUIZ_FAILS, QUIZ_LOW_SCORE, ids)
					: lessonRecord([], QUIZ_FAILS, QUIZ_LOW_SCORE, ids);
				expect({ ...actual, bestScore: actual.bestScore?.toFixed(4) }).toEqual({
					...expected,
					bestScore: expected.bestScore?.toFixed(4)
				});
				// And the learner's own rule for done (src/lib/progress/lesson-state.ts), as the
				// phone applies it to every event of the lesson, answers included, says the SQL's
				// cell is done exactly when the learner sees it done, and since the same time.
				const summary = summarise(
					events.filter((e) => e.lesson === lesson),
					EXERCISES
				).get(lesson);
				expect(actual.doneAt).toBe(summary?.doneAt);
				expect(actual.doneAt !== undefined).toBe(summary?.state === 'done');
				compared += 1;
			}
		}
		expect(compared).toBe(LEARNERS * LESSONS);
		// The histories cover every state, so the comparison meant something.
		const states = new Set(
			[...server.tallies.values()].flatMap((t) =>
				[...t.lessons.entries()].map(
					([lesson, tally]) => recordOf(tally, QUIZ_FAILS, QUIZ_LOW_SCORE, EXERCISES(lesson)).state
				)
			)
		);
		expect([...states].sort()).toEqual(['completed', 'needs_help', 'opened', 'quiz_passed']);
		// And exercises passed and not, on lessons done and not.
		const records = [...server.tallies.values()].flatMap((t) =>
			[...t.lessons.entries()].map(([lesson, tally]) =>
				recordOf(tally, QUIZ_FAILS, QUIZ_LOW_SCORE, EXERCISES(lesson))
			)
		);
		expect(records.some((r) => r.exercises === 2 && r.exercisesPassed === 2 && r.doneAt)).toBe(
			true
		);
		expect(records.some((r) => r.exercises === 2 && r.exercisesPassed < 2 && r.passed)).toBe(true);
	});

	it("still agrees after an admin deletes some of a learner's events, and forgets a deleted learner", async () => {
		const [first, second] = learners as [{ id: string }, { id: string }, ...unknown[]];
		const records = await admin.collection('progress_events').getFullList({
			filter: admin.filter('user = {:u} && type != "quiz_answered"', { u: first.id }),
			sort: 'seq'
		});
		for (const record of records.filter((_, i) => i % 3 === 0)) {
			await admin.collection('progress_events').delete(record.id);
		}
		await admin.collection('users').delete(second.id);
		const server = fromProgress(await whole());
		const stored = await since(0);
		expect(rounded(tallyEvents(stored.events))).toEqual(rounded(server.tallies));
		expect(server.tallies.has(second.id)).toBe(false);
		expect(stored.events.some((e) => e.user === second.id)).toBe(false);
	});
});
