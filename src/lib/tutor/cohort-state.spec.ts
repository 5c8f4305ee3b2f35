import { describe, expect, it } from 'vitest';
import { fromProgress, tallyEvents, withCells, withChanges } from './cohort-state';
import type { CohortProgress, TutorEvent } from './types';

const COHORT = {
	id: 'c1',
	name: 'Tuesday',
	pathway: 'p',
	join_code: 'ABCD2345',
	quiz_fails: 3,
	quiz_low_score: 50,
	quiet_days: 7,
	behind_lessons: 5
};
const learner = (id: string, active: string | null = null) => ({
	id,
	membership: `m-${id}`,
	name: id,
	email: `${id}@example.org`,
	joined: '2026-01-01T09:00:00.000Z',
	active
});

/** Ana opened and completed l2 (done on the 3rd) and failed l1's quiz twice; Ben nothing yet. */
const PROGRESS: CohortProgress = {
	cohort: COHORT,
	roster: 2,
	cursor: 40,
	learners: [learner('ana', '2026-01-03T10:00:00.000Z'), learner('ben')],
	cells: {
		learner: [0, 0],
		lesson: ['l1', 'l2'],
		flags: [1, 3],
		fails: [2, 0],
		best: [0.25, null],
		done: [null, '2026-01-03T10:00:00.000Z']
	}
};

let seq = 40;
function event(
	user: string,
	type: TutorEvent['type'],
	lesson: string,
	extra: Partial<TutorEvent> = {}
): TutorEvent {
	seq += 1;
	return {
		id: `e${seq}`,
		user,
		type,
		lesson,
		module: 'm',
		at: '2026-01-05T09:00:00.000Z',
		seq,
		...extra
	};
}

describe('fromProgress: the server columns as tallies', () => {
	it('gives each learner their lessons and latest activity, and no more', () => {
		const state = fromProgress(PROGRESS);
		expect(state).toMatchObject({ cohort: COHORT, roster: 2, cursor: 40 });
		expect(state.learners.map((l) => l.id)).toEqual(['ana', 'ben']);
		expect(state.learners[0]).not.toHaveProperty('active');
		expect(state.tallies.get('ana')).toEqual({
			active: '2026-01-03T10:00:00.000Z',
			lessons: new Map([
				['l1', { touched: true, completed: false, quizPassed: false, fails: 2, bestScore: 0.25 }],
				[
					'l2',
					{
						touched: true,
						completed: true,
						quizPassed: false,
						fails: 0,
						finishedAt: '2026-01-03T10:00:00.000Z'
					}
				]
			])
		});
		expect(state.tallies.get('ben')).toEqual({ active: undefined, lessons: new Map() });
	});
});

describe('withChanges: live events added to a state', () => {
	it('adds events after the cursor and moves it on, copying only the learners they touch', () => {
		const before = fromProgress(PROGRESS);
		const passed = event('ana', 'quiz_completed', 'l1', { correct: 4, total: 4, passed: true });
		const after = withChanges(before, [passed], 45);
		expect(after.cursor).toBe(45);
		expect(after.tallies.get('ana')?.lessons.get('l1')).toEqual({
			touched: true,
			completed: false,
			quizPassed: true,
			fails: 2,
			bestScore: 1,
			finishedAt: passed.at
		});
		expect(after.tallies.get('ben')).toBe(before.tallies.get('ben'));
		// The state before is left as it was.
		expect(before.tallies.get('ana')?.lessons.get('l1')?.quizPassed).toBe(false);
	});

	it('leaves out events it already counted (seq up to the cursor) and those of non-members', () => {
		const before = fromProgress(PROGRESS);
		const old = { ...event('ana', 'lesson_completed', 'l1'), seq: 40 };
		const stranger = event('cy', 'lesson_opened', 'l1');
		const after = withChanges(before, [old, stranger], 50);
		expect(after.tallies).toEqual(before.tallies);
		expect(after.tallies.has('cy')).toBe(false);
		expect(after.cursor).toBe(50);
	});

	it('counts a learner active at the earlier of the device clock and the server receipt', () => {
		const state = fromProgress(PROGRESS);
		const fastClock = event('ben', 'lesson_opened', 'l1', {
			at: '2030-01-01T00:00:00.000Z',
			received: '2026-01-06T08:00:00.000Z'
		});
		expect(withChanges(state, [fastClock], 60).tallies.get('ben')?.active).toBe(
			'2026-01-06T08:00:00.000Z'
		);
	});
});

describe("withCells: a notice's cells put in place", () => {
	it('replaces the cells it names, keeps the rest, moves the cursor and the latest activity on', () => {
		const state = fromProgress(PROGRESS);
		const next = withCells(
			state,
			[
				{
					learner: 'ana',
					lesson: 'l1',
					flags: 5,
					fails: 2,
					best: 0.8,
					done: '2026-01-04T09:00:00.000Z',
					active: '2026-01-04T09:00:00.000Z',
					exercises: { 'first-heading': '2026-01-04T08:55:00.000Z' }
				},
				{
					learner: 'ben',
					lesson: 'l1',
					flags: 1,
					fails: 0,
					best: null,
					done: null,
					active: '2026-01-02T09:00:00.000Z'
				},
				{ learner: 'zoe', lesson: 'l1', flags: 1, fails: 0, best: null, done: null, active: null }
			],
			45
		);
		expect(next.cursor).toBe(45);
		const ana = next.tallies.get('ana');
		expect(ana?.lessons.get('l1')).toEqual({
			touched: true,
			completed: false,
			quizPassed: true,
			fails: 2,
			bestScore: 0.8,
			finishedAt: '2026-01-04T09:00:00.000Z',
			exercisesPassed: { 'first-heading': '2026-01-04T08:55:00.000Z' }
		});
		expect(ana?.lessons.get('l2')).toEqual(state.tallies.get('ana')?.lessons.get('l2'));
		expect(ana?.active).toBe('2026-01-04T09:00:00.000Z');
		expect(next.tallies.get('ben')?.active).toBe('2026-01-02T09:00:00.000Z');
		expect(next.tallies.has('zoe')).toBe(false);
		// The state it came from is unchanged.
		expect(state.tallies.get('ana')?.lessons.get('l1')?.fails).toBe(2);
		expect(state.cursor).toBe(40);
	});
});

describe('tallyEvents: the whole derivation from events', () => {
	it('counts an event delivered twice once', () => {
		const failed = event('ana', 'quiz_completed', 'l1', { correct: 1, total: 4, passed: false });
		const tallies = tallyEvents([failed, failed, { ...failed }]);
		expect(tallies.get('ana')?.lessons.get('l1')?.fails).toBe(1);
	});
});
