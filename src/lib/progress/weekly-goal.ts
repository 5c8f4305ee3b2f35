import { addWeeks, weekOf, type WeekKey } from './week';

/**
 * A weekly goal and a week streak, for a reason to come back that never blames: a missed
 * week is covered by a saved rest week, a longer break just starts a new streak, and nothing
 * here ever says a streak was lost. Pure: the screens pass the lessons' done times (from the
 * summaries table), the goal's history, the time and the learner's time zone.
 */

/** Lessons a week the learner can choose; 0 is "off". */
export const GOAL_CHOICES = [1, 2, 3, 4, 5] as const;
export const DEFAULT_GOAL = 2;
/** Goal weeks that earn back a used rest week. */
export const WEEKS_TO_EARN_REST = 3;

/**
 * The goal from a week on. Kept as a history, so that raising the goal today does not judge
 * past weeks by it, and weeks when the goal was off neither count nor break a streak.
 */
export interface GoalChange {
	since: WeekKey;
	/** Lessons a week; 0 while the learner has the goal off. */
	goal: number;
}

export interface WeeklyHabit {
	week: WeekKey;
	/** Lessons done this week (each lesson counts once, in the week it was first done). */
	done: number;
	/** This week's goal; 0 when off. */
	goal: number;
	/** Weeks in a row at the goal, counting this week once it is reached. */
	streak: number;
	/** A rest week is saved: a week under the goal will not end the streak. */
	restWeekSaved: boolean;
	/** Last week was under the goal and the saved rest week covered it. */
	restedLastWeek: boolean;
	/** They had studied before, but not last week nor yet this week. */
	welcomeBack: boolean;
}

/** The goal in force in `week`: the default before the learner ever chose one. */
export function goalFor(week: WeekKey, changes: readonly GoalChange[]): number {
	let goal = DEFAULT_GOAL;
	for (const change of changes) if (change.since <= week) goal = change.goal;
	return goal;
}

/** The history with the goal set to `goal` from `week` on (a change this week replaces one). */
export function withGoal(
	changes: readonly GoalChange[],
	week: WeekKey,
	goal: number
): GoalChange[] {
	const before = changes.filter((c) => c.since < week);
	return goalFor(week, before) === goal ? before : [...before, { since: week, goal }];
}

/**
 * This week's count and the streak, from the times lessons were first done (ISO 8601) and
 * the latest activity of any kind.
 */
export function weeklyHabit(input: {
	doneAt: readonly string[];
	lastActivity?: string;
	goals: readonly GoalChange[];
	now: Date;
	timeZone: string;
}): WeeklyHabit {
	const { goals, timeZone } = input;
	const current = weekOf(input.now, timeZone);
	const counts = new Map<WeekKey, number>();
	for (const at of input.doneAt) {
		const week = weekOf(new Date(at), timeZone);
		counts.set(week, (counts.get(week) ?? 0) + 1);
	}
	const first = [...counts.keys()].sort()[0];
	let streak = 0;
	let saved = true;
	let earned = 0;
	let restedLastWeek = false;
	const lastWeek = addWeeks(current, -1);
	for (let week = first ?? ''; first && week <= current; week = addWeeks(week, 1)) {
		const goal = goalFor(week, goals);
		if (goal === 0) continue;
		const met = (counts.get(week) ?? 0) >= goal;
		if (met) {
			streak += 1;
			if (!saved && ++earned >= WEEKS_TO_EARN_REST) saved = true;
		} else if (week === current) {
			// This week is not over: it can still be reached.
		} else if (streak > 0 && saved) {
			saved = false;
			earned = 0;
			if (week === lastWeek) restedLastWeek = true;
		} else {
			streak = 0;
			saved = true;
			earned = 0;
		}
	}
	const lastActive = input.lastActivity ? weekOf(new Date(input.lastActivity), timeZone) : '';
	return {
		week: current,
		done: counts.get(current) ?? 0,
		goal: goalFor(current, goals),
		streak,
		restWeekSaved: streak > 0 && saved,
		restedLastWeek: streak > 0 && restedLastWeek,
		welcomeBack: lastActive !== '' && lastActive < lastWeek
	};
}
