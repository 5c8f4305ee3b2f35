import { getContext, setContext } from 'svelte';
import { goalFor, GOAL_CHOICES, withGoal, type GoalChange } from '$lib/progress/weekly-goal';
import type { WeekKey } from '$lib/progress/week';

export type Theme = 'system' | 'light' | 'dark' | 'contrast';
export const TEXT_SIZES = [100, 125, 150, 200] as const;

interface Saved {
	textSize: number;
	theme: Theme;
	lowData: boolean;
	/** The weekly goal's history (weekly-goal.ts); empty means the default goal all along. */
	goals: GoalChange[];
}

const KEY = 'clyde-settings';

/**
 * The learner's settings. Kept in localStorage rather than IndexedDB: the display ones must be
 * read synchronously before the first paint, or the page would flash at the wrong size.
 */
export class Settings {
	textSize = $state(100);
	theme: Theme = $state('system');
	lowData = $state(false);
	goals: GoalChange[] = $state([]);

	constructor(private readonly storage?: Pick<Storage, 'getItem' | 'setItem'>) {
		try {
			const saved = JSON.parse(storage?.getItem(KEY) ?? '{}') as Partial<Saved>;
			if (TEXT_SIZES.includes(saved.textSize as (typeof TEXT_SIZES)[number]))
				this.textSize = saved.textSize as number;
			if (['system', 'light', 'dark', 'contrast'].includes(saved.theme as string))
				this.theme = saved.theme as Theme;
			this.lowData = saved.lowData === true;
			if (Array.isArray(saved.goals)) this.goals = saved.goals.filter(isGoalChange);
		} catch {
			// A damaged or blocked store falls back to the defaults.
		}
	}

	/** The weekly goal in `week` (0: off). */
	goalIn(week: WeekKey): number {
		return goalFor(week, this.goals);
	}

	/** Sets the weekly goal from `week` on, and saves. */
	setGoal(week: WeekKey, goal: number): void {
		this.goals = withGoal(this.goals, week, goal);
		this.save();
	}

	save(): void {
		const value: Saved = {
			textSize: this.textSize,
			theme: this.theme,
			lowData: this.lowData,
			goals: this.goals
		};
		try {
			this.storage?.setItem(KEY, JSON.stringify(value));
		} catch {
			// Private mode or a full disk: the settings still apply until the page closes.
		}
	}
}

function isGoalChange(value: unknown): value is GoalChange {
	const change = value as Partial<GoalChange> | null;
	return (
		typeof change?.since === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(change.since) &&
		(change.goal === 0 || GOAL_CHOICES.includes(change.goal as (typeof GOAL_CHOICES)[number]))
	);
}

const SETTINGS = Symbol('settings');

export function setSettings(settings: Settings): Settings {
	return setContext(SETTINGS, settings);
}

export function getSettings(): Settings {
	return getContext<Settings>(SETTINGS);
}
