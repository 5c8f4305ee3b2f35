// The dashboard benchmark's sizes (a class and a whole centre) and the goals it is judged by.

export const LEARNERS = 500;
export const SMALL = 30;
export const EVENTS_EACH = 100;
/** Render goals from the issue, judged at 4× CPU throttling. */
export const GOALS: Record<number, number> = { [SMALL]: 200, [LEARNERS]: 1000 };
export const GOAL_RATE = 4;
/** "Updates within seconds" (the issue), taken as five. */
export const LIVE_GOAL = 5000;
export const RATES = [1, GOAL_RATE];

export type Measured = { cohort: string; learners: number };
