import { i18n } from './i18n.svelte';
import { keptFormatter } from './kept-formatter';

// Numbers, dates and lists the learner's language's way (Intl), for the screens. Each reads the
// current language, so a screen that calls them redraws when it changes.

/** 0.42 → "42%" (Arabic: "٤٢٪؜"). */
export function formatPercent(fraction: number): string {
	const tag = i18n.tag;
	return keptFormatter(
		`percent ${tag}`,
		() => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 })
	).format(fraction);
}

export function formatNumber(value: number): string {
	const tag = i18n.tag;
	return keptFormatter(`number ${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}

/** "1 December 2026" (or the language's long form). */
export function formatDate(date: Date | string, style: 'long' | 'medium' = 'long'): string {
	const tag = i18n.tag;
	return keptFormatter(
		`date ${style} ${tag}`,
		() => new Intl.DateTimeFormat(tag, { dateStyle: style })
	).format(new Date(date));
}

export function formatDateTime(date: Date | string): string {
	const tag = i18n.tag;
	return keptFormatter(
		`date-time ${tag}`,
		() => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })
	).format(new Date(date));
}

/** "a, b and c" in the language's own words. */
export function formatList(items: readonly string[]): string {
	const tag = i18n.tag;
	return keptFormatter(
		`list ${tag}`,
		() => new Intl.ListFormat(tag, { type: 'conjunction' })
	).format(items);
}

/** "3 days ago", "yesterday": how long since `then`, in whole days, hours or minutes. */
export function formatSince(then: Date | string, now: Date = new Date()): string {
	const minutes = Math.round((new Date(then).getTime() - now.getTime()) / 60_000);
	const format = relativeTime(i18n.tag);
	if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
	if (Math.abs(minutes) < 60 * 24) return format.format(Math.round(minutes / 60), 'hour');
	return format.format(Math.round(minutes / (60 * 24)), 'day');
}

/** "yesterday", "in 2 days": the language's relative times, with words where it has them. */
export function relativeTime(tag: string): Intl.RelativeTimeFormat {
	return keptFormatter(
		`relative ${tag}`,
		() => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' })
	);
}
