import { t } from '$lib/i18n/i18n.svelte';

// Apart from http.ts, which Node scripts (benchmarks, seeding) import without Vite's message
// loading: this one is for screens.

/** "Try again in 15 minutes." for a learner who was told to wait `ms`. */
export function tryAgainIn(ms: number): string {
	return t('try_again_in', { count: Math.max(1, Math.ceil(ms / 60_000)) });
}
