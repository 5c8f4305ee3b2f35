import { formatPercent as percent, relativeTime } from '$lib/i18n/format';
import { keptFormatter } from '$lib/i18n/kept-formatter';
import { i18n } from '$lib/i18n/i18n.svelte';
import { tt } from '$lib/tutor/tutor-words.svelte';

const DAY = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "5 days ago", or "never", in the tutor's language: what a tutor scans for. */
export function formatWhen(at: number | undefined, now: number): string {
	if (at === undefined) return tt('never');
	const days = Math.floor(now / DAY) - Math.floor(at / DAY);
	return relativeTime(i18n.tag).format(-Math.max(days, 0), 'day');
}

export const formatPercent = (share: number | undefined) =>
	share === undefined ? '—' : percent(share);

/** A YYYY-MM-DD day (UTC) as "9 Mar" (or the language's short form), for the chart's axis. */
export function formatDay(day: string): string {
	const tag = i18n.tag;
	return keptFormatter(
		`day-month ${tag}`,
		() => new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' })
	).format(Date.parse(day));
}
