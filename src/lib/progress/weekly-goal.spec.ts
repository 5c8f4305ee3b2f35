import { describe, expect, it } from 'vitest';
import { goalFor, weeklyHabit, withGoal, type GoalChange } from './weekly-goal';

const ZONE = 'Europe/London';
/** Noon (UTC) on a day of 2026; Mondays in March are the 2nd, 9th, 16th, 23rd and 30th. */
const on = (month: number, day: number, hour = 12) =>
	new Date(Date.UTC(2026, month - 1, day, hour)).toISOString();
/** `count` lessons done in the week of Monday `day` March 2026 (on its Tuesday). */
const inWeek = (day: number, count: number) => Array.from({ length: count }, () => on(3, day + 1));

function habit(doneAt: string[], now: string, goals: GoalChange[] = [], lastActivity?: string) {
	return weeklyHabit({
		doneAt,
		lastActivity: lastActivity ?? [...doneAt].sort().at(-1),
		goals,
		now: new Date(now),
		timeZone: ZONE
	});
}

describe('this week', () => {
	it('counts the lessons first done this week against the goal (2 by default)', () => {
		const h = habit([on(3, 3), on(3, 4), on(2, 20)], on(3, 5));
		expect(h).toMatchObject({ week: '2026-03-02', done: 2, goal: 2 });
	});

	it('has nothing done in a new week, and says nothing of a streak before any', () => {
		expect(habit([], on(3, 5))).toEqual({
			week: '2026-03-02',
			done: 0,
			goal: 2,
			streak: 0,
			restWeekSaved: false,
			restedLastWeek: false,
			welcomeBack: false
		});
	});

	it('puts a lesson done late on Sunday night in that week, in the learner’s time zone', () => {
		// 23:30 on Sunday 29 March in Glasgow, the night the clocks went forward (22:30 UTC).
		const sundayNight = new Date(Date.UTC(2026, 2, 29, 22, 30)).toISOString();
		const h = habit([sundayNight, on(3, 24)], on(3, 29, 22));
		expect(h).toMatchObject({ week: '2026-03-23', done: 2, streak: 1 });
		// An hour later it is Monday there: a new week.
		const monday = habit(
			[sundayNight, on(3, 24)],
			new Date(Date.UTC(2026, 2, 29, 23, 30)).toISOString()
		);
		expect(monday).toMatchObject({ week: '2026-03-30', done: 0, streak: 1 });
	});
});

describe('the week streak', () => {
	it('counts weeks in a row at the goal, this week once it is reached', () => {
		const done = [...inWeek(2, 2), ...inWeek(9, 3), ...inWeek(16, 2)];
		expect(habit(done, on(3, 20)).streak).toBe(3);
		expect(habit(done, on(3, 24)).streak).toBe(3);
		expect(habit([...done, ...inWeek(23, 2)], on(3, 25)).streak).toBe(4);
	});

	it('keeps going through one week under the goal with the saved rest week', () => {
		const done = [...inWeek(2, 2), ...inWeek(9, 1), ...inWeek(16, 2)];
		// The week of the 9th was the rest week; the streak carries on into the 16th's.
		const h = habit(done, on(3, 18));
		expect(h).toMatchObject({ streak: 2, restWeekSaved: false, restedLastWeek: true });
		expect(habit(done, on(3, 25))).toMatchObject({ streak: 2, restedLastWeek: false });
		const nextWeek = habit(inWeek(2, 2), on(3, 10));
		expect(nextWeek).toMatchObject({ streak: 1, restWeekSaved: true });
		const afterRest = habit(inWeek(2, 2), on(3, 17));
		expect(afterRest).toMatchObject({ streak: 1, restWeekSaved: false, restedLastWeek: true });
	});

	it('starts again after two weeks under the goal in a row, with a rest week saved again', () => {
		const done = [...inWeek(2, 2), ...inWeek(9, 0), ...inWeek(16, 1), ...inWeek(23, 2)];
		expect(habit(done, on(3, 25))).toMatchObject({ streak: 1, restWeekSaved: true });
	});

	it('earns the rest week back after three more weeks at the goal', () => {
		const rested = [...inWeek(2, 2), ...inWeek(16, 2), ...inWeek(23, 2)];
		expect(habit(rested, on(3, 25))).toMatchObject({ streak: 3, restWeekSaved: false });
		expect(habit([...rested, ...inWeek(30, 2)], on(4, 1))).toMatchObject({
			streak: 4,
			restWeekSaved: true
		});
	});

	it('does not end while this week is still going', () => {
		expect(habit([...inWeek(2, 2), ...inWeek(9, 2)], on(3, 22, 20)).streak).toBe(2);
	});

	it('is 0 after a long break, and welcomes the learner back without a word about it', () => {
		const h = habit([...inWeek(2, 3), ...inWeek(9, 3)], on(4, 1));
		expect(h).toMatchObject({ streak: 0, welcomeBack: true, restWeekSaved: false });
	});

	it('welcomes back only after a quiet week, and not once they have opened a lesson', () => {
		expect(habit(inWeek(16, 2), on(3, 25)).welcomeBack).toBe(false);
		expect(habit(inWeek(2, 2), on(3, 25), [], on(3, 24)).welcomeBack).toBe(false);
		expect(habit(inWeek(2, 2), on(3, 25)).welcomeBack).toBe(true);
	});
});

describe('the goal the learner picks', () => {
	it('judges each week by the goal it had then', () => {
		// Goal 2 until the week of the 16th, then 5: the earlier weeks still count at 2.
		const goals = withGoal([], '2026-03-16', 5);
		expect(goalFor('2026-03-09', goals)).toBe(2);
		expect(goalFor('2026-03-16', goals)).toBe(5);
		const done = [...inWeek(2, 2), ...inWeek(9, 2), ...inWeek(16, 5)];
		expect(habit(done, on(3, 19), goals)).toMatchObject({ streak: 3, goal: 5, done: 5 });
	});

	it('skips weeks when the goal was off: they neither count nor break a streak', () => {
		const goals = withGoal(withGoal([], '2026-03-09', 0), '2026-03-23', 2);
		const done = [...inWeek(2, 2), ...inWeek(23, 2)];
		expect(habit(done, on(3, 25), goals)).toMatchObject({ streak: 2, restWeekSaved: true });
		expect(habit(done, on(3, 11), goals)).toMatchObject({ goal: 0 });
	});

	it('keeps one change a week, and none when the goal is what it already was', () => {
		expect(withGoal([], '2026-03-02', 2)).toEqual([]);
		const twice = withGoal(withGoal([], '2026-03-02', 4), '2026-03-02', 1);
		expect(twice).toEqual([{ since: '2026-03-02', goal: 1 }]);
		const later = withGoal(twice, '2026-03-16', 3);
		expect(later).toEqual([
			{ since: '2026-03-02', goal: 1 },
			{ since: '2026-03-16', goal: 3 }
		]);
		expect(withGoal(later, '2026-03-09', 1)).toEqual([{ since: '2026-03-02', goal: 1 }]);
	});
});
