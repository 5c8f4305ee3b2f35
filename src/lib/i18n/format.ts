import { i18n } from './i18n.svelte';

// Numbers, dates and lists the learner's language's way (Intl), for the screens. Each reads the
// current language, so a screen that calls them redraws when it changes.

/** 0.42 → "42%" (Arabic: "٤٢٪؜"). */
export function formatPercent(fraction: number): string {
	return new Intl.NumberFormat(i18n.tag, { style: 'percent', maximumFractionDigits: 0 }).format(
		fraction
	);
}

export function formatNumber(value: number): string {
	return new Intl.NumberFormat(i18n.tag).format(value);
}

/** "1 December 2026" (or the language's long form). */
export function formatDate(date: Date | string, style: 'long' | 'medium' = 'long'): string {
	return new Intl.DateTimeFormat(i18n.tag, { dateStyle: style }).format(new Date(date));
}

export function formatDateTime(date: Date | string): string {
	return new Intl.DateTimeFormat(i18n.tag, { dateStyle: 'medium', timeStyle: 'short' }).format(
		new Date(date)
	);
}

/** "a, b and c" in the language's own words. */
export function formatList(items: readonly string[]): string {
	return new Intl.ListFormat(i18n.tag, { type: 'conjunction' }).format(items);
}

/** "3 days ago", "yesterday": how long since `then`, in whole days, hours or minutes. */
export function formatSince(then: Date | string, now: Date = new Date()): string {
	const minutes = Math.round((new Date(then).getTime() - now.getTime()) / 60_000);
	const format = new Intl.RelativeTimeFormat(i18n.tag, { numeric: 'auto' });
	if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
	if (Math.abs(minutes) < 60 * 24) return format.format(Math.round(minutes / 60), 'hour');
	return format.format(Math.round(minutes / (60 * 24)), 'day');
}
