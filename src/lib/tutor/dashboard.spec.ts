import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import { tallyEvents } from './cohort-state';
import { buildDashboard } from './dashboard';
import type { CohortLearner, Thresholds, TutorEvent } from './types';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const THRESHOLDS: Thresholds = {
	quiz_fails: 3,
	quiz_low_score: 50,
	quiet_days: 7,
	behind_lessons: 2
};
/** Modules p-m1 and p-m2, lessons p-m1-l1 … p-m2-l3. */
const pathway = makePathway('p', 2, 3);

const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

function learner(id: string, joinedDaysAgo = 1): CohortLearner {
	return {
		id,
		membership: `m-${id}`,
		name: `Learner ${id}`,
		email: `${id}@example.org`,
		joined: daysAgo(joinedDaysAgo)
	};
}

let counter = 0;
function event(
	user: string,
	type: TutorEvent['type'],
	lesson: string,
	extra: Partial<TutorEvent> = {}
): TutorEvent {
	counter += 1;
	return {
		id: `e${counter}`,
		user,
		type,
		lesson,
		module: lesson.split('-').slice(0, 2).join('-'),
		at: daysAgo(1),
		seq: counter,
		...extra
	};
}
const quiz = (user: string, lesson: string, correct: number, total: number, passed: boolean) =>
	event(user, 'quiz_completed', lesson, { correct, total, passed });

const build = (learners: CohortLearner[], events: TutorEvent[], thresholds = THRESHOLDS) =>
	buildDashboard(pathway, learners, tallyEvents(events), thresholds, NOW);

describe('buildDashboard', () => {
	it('gives a learner with no events a row of not-started lessons', () => {
		const { rows, lessonCount, median } = build([learner('ana')], []);
		expect(lessonCount).toBe(6);
		expect(median).toBe(0);
		expect(rows).toHaveLength(1);
		const [row] = rows;
		expect(row?.learner.id).toBe('ana');
		expect(row?.lessons.map((l) => l.state)).toEqual(Array(6).fill('not_started'));
		expect(row).toMatchObject({
			modules: [0, 0],
			completed: 0,
			quizAverage: undefined,
			lastActive: undefined,
			signals: []
		});
	});

	it('flags a learner who joined long ago and never started as quiet', () => {
		const { rows } = build([learner('ana', 7), learner('ben', 6)], []);
		expect(rows[0]?.signals).toEqual([{ kind: 'quiet', days: undefined }]);
		expect(rows[1]?.signals).toEqual([]);
	});

	it('keeps one row per learner, in the order given', () => {
		const { rows } = build([learner('cy'), learner('ana'), learner('ben')], []);
		expect(rows.map((r) => r.learner.id)).toEqual(['cy', 'ana', 'ben']);
	});

	it('lists lesson records in the pathway order and counts lessons done per module', () => {
		const { rows } = build(
			[learner('ana')],
			[
				event('ana', 'lesson_completed', 'p-m1-l1'),
				event('ana', 'lesson_completed', 'p-m1-l3'),
				quiz('ana', 'p-m2-l2', 4, 4, true),
				event('ana', 'lesson_opened', 'p-m2-l1')
			]
		);
		const [row] = rows;
		expect(row?.lessons.map((l) => l.state)).toEqual([
			'completed',
			'not_started',
			'completed',
			'opened',
			'quiz_passed',
			'not_started'
		]);
		expect(row?.modules).toEqual([2, 1]);
		expect(row?.completed).toBe(3);
	});

	it('averages the best score of each quiz taken', () => {
		const { rows } = build(
			[learner('ana')],
			[
				quiz('ana', 'p-m1-l1', 1, 4, false),
				quiz('ana', 'p-m1-l1', 3, 4, true),
				quiz('ana', 'p-m2-l1', 1, 2, false)
			]
		);
		// (3/4 + 1/2) / 2: the failed 1/4 is not the best on its lesson, untaken quizzes do not count.
		expect(rows[0]?.quizAverage).toBe(0.625);
	});

	it('takes the latest event as last active', () => {
		const { rows } = build(
			[learner('ana', 30)],
			[
				event('ana', 'lesson_opened', 'p-m1-l1', { at: daysAgo(9) }),
				event('ana', 'lesson_opened', 'p-m1-l2', { at: daysAgo(8) }),
				event('ana', 'lesson_opened', 'p-m1-l3', { at: daysAgo(12) })
			]
		);
		expect(rows[0]?.lastActive).toBe(NOW - 8 * DAY);
		expect(rows[0]?.signals).toEqual([{ kind: 'quiet', days: 8 }]);
	});

	it('clamps a device clock ahead of ours to now', () => {
		// Ben's phone is 3 days fast: what he did just now is stamped three days from now.
		const { rows } = build(
			[learner('ana', 30), learner('ben', 30)],
			[
				event('ana', 'lesson_opened', 'p-m1-l1', { at: daysAgo(7) }),
				event('ben', 'lesson_opened', 'p-m1-l1', { at: daysAgo(-3) })
			]
		);
		expect(rows[1]?.lastActive).toBe(NOW);
		expect(rows[1]?.signals).toEqual([]);
		// …and the clamp does not stop the quiet rule flagging anyone else.
		expect(rows[0]?.signals).toEqual([{ kind: 'quiet', days: 7 }]);
	});

	it('flags a learner whose phone is 3 days fast as quiet after quiet_days real days', () => {
		// The phone said "5 days ago" but was 3 days fast: the server stored it 8 days ago.
		const fast = event('ana', 'lesson_completed', 'p-m1-l1', {
			at: daysAgo(5),
			received: daysAgo(8)
		});
		const { rows } = build([learner('ana', 30)], [fast]);
		expect(rows[0]?.lastActive).toBe(NOW - 8 * DAY);
		expect(rows[0]?.signals).toContainEqual({ kind: 'quiet', days: 8 });
	});

	it('ignores events of learners who are not in the list', () => {
		const mine = [event('ana', 'lesson_completed', 'p-m1-l1')];
		const strangers = [
			event('zed', 'lesson_completed', 'p-m1-l2'),
			quiz('zed', 'p-m1-l3', 0, 4, false),
			event('zed', 'lesson_opened', 'p-m2-l1', { at: daysAgo(0) })
		];
		const withStrangers = build([learner('ana')], [...mine, ...strangers]);
		expect(withStrangers).toEqual(build([learner('ana')], mine));
		expect(withStrangers.rows).toHaveLength(1);
	});

	it('ignores events on lessons that are not in the pathway', () => {
		const { rows, lessonCount } = build(
			[learner('ana')],
			[
				event('ana', 'lesson_completed', 'p-m9-l1'),
				quiz('ana', 'p-m9-l1', 1, 4, false),
				quiz('ana', 'p-m9-l1', 1, 4, false),
				quiz('ana', 'p-m9-l1', 1, 4, false),
				event('ana', 'lesson_completed', 'q-m1-l1')
			]
		);
		expect(lessonCount).toBe(6);
		expect(rows[0]?.lessons).toHaveLength(6);
		expect(rows[0]?.lessons.every((l) => l.state === 'not_started')).toBe(true);
		expect(rows[0]).toMatchObject({ modules: [0, 0], completed: 0, quizAverage: undefined });
		expect(rows[0]?.signals.some((s) => s.kind === 'quiz_fails')).toBe(false);
	});

	it('names the lessons where a quiz keeps failing, with the count and the best score', () => {
		const fail = () => quiz('ana', 'p-m2-l1', 3, 5, false);
		const { rows } = build([learner('ana')], [fail(), fail(), fail()]);
		expect(rows[0]?.lessons[3]?.state).toBe('needs_help');
		expect(rows[0]?.signals).toEqual([
			{ kind: 'quiz_fails', lessons: [{ id: 'p-m2-l1', fails: 3, best: 0.6 }] }
		]);
	});

	it('flags a quiz failed twice at 0% (quiz_low_score), but not twice at the low-score mark', () => {
		const { rows } = build(
			[learner('ana'), learner('ben')],
			[
				quiz('ana', 'p-m1-l2', 0, 4, false),
				quiz('ana', 'p-m1-l2', 0, 4, false),
				quiz('ben', 'p-m1-l2', 1, 4, false),
				quiz('ben', 'p-m1-l2', 2, 4, false)
			]
		);
		expect(rows[0]?.lessons[1]?.state).toBe('needs_help');
		expect(rows[0]?.signals).toContainEqual({
			kind: 'quiz_fails',
			lessons: [{ id: 'p-m1-l2', fails: 2, best: 0 }]
		});
		// Ben reached 50% on his second try: still learning, not stuck.
		expect(rows[1]?.lessons[1]?.state).toBe('opened');
		expect(rows[1]?.signals.some((s) => s.kind === 'quiz_fails')).toBe(false);
		// The mark is the cohort's: at its lowest, 1%, only attempts at 0% count.
		const lowest = build(
			[learner('ana'), learner('cy')],
			[
				quiz('ana', 'p-m1-l2', 0, 4, false),
				quiz('ana', 'p-m1-l2', 0, 4, false),
				quiz('cy', 'p-m1-l2', 1, 4, false),
				quiz('cy', 'p-m1-l2', 0, 4, false)
			],
			{ ...THRESHOLDS, quiz_low_score: 1 }
		);
		expect(lowest.rows.map((row) => row.lessons[1]?.state)).toEqual(['needs_help', 'opened']);
	});

	it('flags learners behind the cohort median', () => {
		const done = (user: string, ...lessons: string[]) =>
			lessons.map((lesson) => event(user, 'lesson_completed', lesson));
		const { rows, median } = build(
			[learner('ana'), learner('ben'), learner('cy')],
			[
				...done('ana', 'p-m1-l1', 'p-m1-l2', 'p-m1-l3', 'p-m2-l1'),
				...done('ben', 'p-m1-l1', 'p-m1-l2'),
				...done('cy', 'p-m1-l1', 'p-m1-l2', 'p-m1-l3')
			]
		);
		expect(median).toBe(3);
		expect(rows.map((r) => r.signals)).toEqual([[], [], []]);

		const stricter = build(
			[learner('ana'), learner('ben'), learner('cy')],
			[...done('ana', 'p-m1-l1', 'p-m1-l2', 'p-m1-l3', 'p-m2-l1'), ...done('cy', 'p-m1-l1')],
			{ ...THRESHOLDS, behind_lessons: 1 }
		);
		expect(stricter.median).toBe(1);
		expect(stricter.rows.map((r) => r.signals)).toEqual([
			[],
			[{ kind: 'behind', behind: 1, median: 1 }],
			[]
		]);
	});

	it('builds the same dashboard whatever the order of events, and with duplicates', () => {
		const events = [
			event('ana', 'lesson_opened', 'p-m1-l1', { at: daysAgo(3) }),
			quiz('ana', 'p-m1-l1', 1, 4, false),
			quiz('ana', 'p-m1-l1', 2, 4, false),
			event('ben', 'lesson_completed', 'p-m1-l1', { at: daysAgo(2) }),
			quiz('ben', 'p-m1-l2', 4, 4, true)
		];
		const learners = [learner('ana'), learner('ben')];
		const expected = build(learners, events);
		expect(build(learners, [...events].reverse())).toEqual(expected);
		expect(build(learners, [...events, ...events])).toEqual(expected);
	});
});
