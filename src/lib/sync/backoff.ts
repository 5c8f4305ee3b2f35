/**
 * How long to wait before retry number `attempt` (1, 2, …): doubling from 2 s up to 5 min,
 * with ±50% jitter so that phones coming back online together do not all call at once.
 * There is no last attempt: a learner's events are retried for as long as it takes.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 300_000);
	return Math.round(base * (0.5 + random()));
}
