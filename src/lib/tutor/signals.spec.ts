import { describe, expect, it } from 'vitest';
import { describeSignal, median, needsHelp, type LearnerFacts } from './signals';
import { sayInEnglish } from './english-words';
import type { Thresholds } from './types';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const THRESHOLDS: Thresholds = {
	quiz_fails: 3,
	quiz_low_score: 50,
	quiet_days: 7,
	behind_lessons: 5
};

/** A learner on track: active just now, joined a month ago, at the median. */
function facts(overrides: Partial<LearnerFacts> = {}): LearnerFacts {
	return {
		struggling: [],
		lastActive: NOW,
		joined: NOW - 30 * DAY,
		completed: 10,
		...overrides
	};
}
const signalsOf = (overrides: Partial<LearnerFacts>, cohortMedian = 10) =>
	needsHelp(facts(overrides), cohortMedian, THRESHOLDS, NOW);

describe('needsHelp', () => {
	it('gives no signal for a learner who is active and at the median', () => {
		expect(signalsOf({})).toEqual([]);
	});

	it('flags the lessons whose quiz keeps failing, with their counts', () => {
		const struggling = [
			{ id: 'p-m1-l2', fails: 3, best: 0.5 },
			{ id: 'p-m2-l1', fails: 2, best: 0 }
		];
		expect(signalsOf({ struggling })).toEqual([{ kind: 'quiz_fails', lessons: struggling }]);
	});

	describe('quiet', () => {
		it('flags exactly quiet_days days without activity, with the count', () => {
			expect(signalsOf({ lastActive: NOW - 7 * DAY })).toEqual([{ kind: 'quiet', days: 7 }]);
		});

		it('does not flag one day below the threshold, nor a moment below it', () => {
			expect(signalsOf({ lastActive: NOW - 6 * DAY })).toEqual([]);
			expect(signalsOf({ lastActive: NOW - 7 * DAY + 1 })).toEqual([]);
		});

		it('counts whole days', () => {
			expect(signalsOf({ lastActive: NOW - 9.5 * DAY })).toEqual([{ kind: 'quiet', days: 9 }]);
		});

		it('counts from joining when the learner never started', () => {
			expect(signalsOf({ lastActive: undefined, joined: NOW - 7 * DAY })).toEqual([
				{ kind: 'quiet', days: undefined }
			]);
			expect(signalsOf({ lastActive: undefined, joined: NOW - 6 * DAY })).toEqual([]);
		});

		it('counts from the last activity, not from joining, once they started', () => {
			expect(signalsOf({ lastActive: NOW - DAY, joined: NOW - 60 * DAY })).toEqual([]);
		});
	});

	describe('behind', () => {
		it('flags exactly behind_lessons lessons behind the median', () => {
			expect(signalsOf({ completed: 5 }, 10)).toEqual([{ kind: 'behind', behind: 5, median: 10 }]);
		});

		it('does not flag one lesson below the threshold', () => {
			expect(signalsOf({ completed: 6 }, 10)).toEqual([]);
		});

		it('measures against a median halfway between two counts', () => {
			expect(signalsOf({ completed: 2 }, 7.5)).toEqual([
				{ kind: 'behind', behind: 5.5, median: 7.5 }
			]);
			expect(signalsOf({ completed: 3 }, 7.5)).toEqual([]);
		});

		it('does not flag a learner ahead of the median', () => {
			expect(signalsOf({ completed: 20 }, 10)).toEqual([]);
		});
	});

	it('gives every signal that applies, in a fixed order', () => {
		const struggling = [{ id: 'p-m1-l1', fails: 4, best: 0.25 }];
		expect(signalsOf({ struggling, lastActive: NOW - 8 * DAY, completed: 0 }, 10)).toEqual([
			{ kind: 'quiz_fails', lessons: struggling },
			{ kind: 'quiet', days: 8 },
			{ kind: 'behind', behind: 10, median: 10 }
		]);
	});

	it('uses the cohort thresholds it is given', () => {
		const strict: Thresholds = {
			quiz_fails: 1,
			quiz_low_score: 1,
			quiet_days: 1,
			behind_lessons: 1
		};
		expect(needsHelp(facts({ lastActive: NOW - DAY, completed: 9 }), 10, strict, NOW)).toEqual([
			{ kind: 'quiet', days: 1 },
			{ kind: 'behind', behind: 1, median: 10 }
		]);
	});
});

describe('median', () => {
	it('is 0 for no values', () => {
		expect(median([])).toBe(0);
	});

	it('is the middle value of an odd count, whatever the order', () => {
		expect(median([7])).toBe(7);
		expect(median([9, 1, 4])).toBe(4);
		expect(median([0, 0, 10])).toBe(0);
	});

	it('is halfway between the two middle values of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([2, 2])).toBe(2);
		expect(median([0, 10])).toBe(5);
	});

	it('sorts numerically, not as text', () => {
		expect(median([10, 9, 100])).toBe(10);
	});

	it('leaves its input alone', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});
});

describe('describeSignal', () => {
	const title = (id: string) => ({ 'p-m1-l1': 'Fractions', 'p-m1-l2': 'Decimals' })[id] ?? id;

	it('names each struggling lesson by its title, with the failed attempts and the best score', () => {
		const signal = {
			kind: 'quiz_fails' as const,
			lessons: [
				{ id: 'p-m1-l1', fails: 3, best: 0.6 },
				{ id: 'p-m1-l2', fails: 2, best: 0 }
			]
		};
		expect(describeSignal(signal, title, sayInEnglish)).toBe(
			'Failed the quiz on "Fractions" 3 times (best 60%); Failed the quiz on "Decimals" 2 times (best 0%)'
		);
	});

	it('says how long a learner has been quiet, or that they never started', () => {
		expect(describeSignal({ kind: 'quiet', days: 9 }, title, sayInEnglish)).toBe(
			'No activity for 9 days'
		);
		expect(describeSignal({ kind: 'quiet', days: undefined }, title, sayInEnglish)).toBe(
			'Has not started yet'
		);
	});

	it('says how far behind the median a learner is', () => {
		expect(describeSignal({ kind: 'behind', behind: 6, median: 8 }, title, sayInEnglish)).toBe(
			'6 lessons behind the cohort (median 8)'
		);
	});
});
