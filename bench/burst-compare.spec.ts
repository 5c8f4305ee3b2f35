import { describe, expect, it } from 'vitest';
import { fromProgress, withChanges, type CohortState } from '../src/lib/tutor/cohort-state';
import type { CohortProgress, TutorEvent } from '../src/lib/tutor/types';
import { inStep } from './burst-compare';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const event = (seq: number, type: TutorEvent['type'], extra: Partial<TutorEvent> = {}) =>
	({
		id: `e${seq}`,
		user: 'ana',
		lesson: 'l1',
		module: 'm',
		seq,
		at: at(seq),
		received: at(seq),
		type,
		...extra
	}) as TutorEvent;

/** Ana on l1: completed at minute 1, then a quiz failed at 3 of 4 (the server's whole read). */
const WHOLE: CohortProgress = {
	cohort: {
		id: 'c',
		name: 'C',
		pathway: 'p',
		join_code: 'X',
		quiz_fails: 3,
		quiz_low_score: 50,
		quiet_days: 7,
		behind_lessons: 5
	},
	roster: 1,
	cursor: 2,
	learners: [
		{
			id: 'ana',
			membership: 'm1',
			name: 'Ana',
			email: 'a@example.org',
			joined: at(0),
			active: at(2)
		}
	],
	cells: { learner: [0], lesson: ['l1'], flags: [3], fails: [1], best: [0.75], done: [at(1)] }
};
const ANA = { id: 'ana', membership: 'm1', name: 'Ana', email: 'a@example.org', joined: at(0) };
const EMPTY: CohortProgress = {
	...WHOLE,
	cursor: 0,
	learners: [{ ...ANA, active: null }],
	cells: { learner: [], lesson: [], flags: [], fails: [], best: [], done: [] }
};
const [COMPLETED, FAILED] = [
	event(1, 'lesson_completed'),
	event(2, 'quiz_completed', { correct: 3, total: 4, passed: false })
];

const EVENTS = [COMPLETED, FAILED];
const live = (events: TutorEvent[]): CohortState => withChanges(fromProgress(EMPTY), events, 2);

describe("the burst benchmark's comparison of a live dashboard with a whole read", () => {
	it('finds them in step when the values agree, whatever order the fields were set in', () => {
		const whole = fromProgress(WHOLE);
		const cell = live(EVENTS).tallies.get('ana')?.lessons.get('l1');
		// The trap it fell into: the same values, written in another order.
		expect(JSON.stringify(cell)).not.toBe(
			JSON.stringify(whole.tallies.get('ana')?.lessons.get('l1'))
		);
		expect(inStep(live(EVENTS), whole)).toBe(true);
	});

	it('finds them out of step when a cell or the latest activity differs', () => {
		const whole = fromProgress(WHOLE);
		expect(inStep(live(EVENTS.slice(0, 1)), whole)).toBe(false);
		expect(inStep(live([COMPLETED, { ...FAILED, correct: 2 }]), whole)).toBe(false);
		expect(inStep(live([COMPLETED, { ...FAILED, received: at(5), at: at(5) }]), whole)).toBe(false);
	});
});
