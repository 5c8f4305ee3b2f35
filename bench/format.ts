import { median } from './stats';

// How the benchmarks write their figures in docs/benchmarks.md: one way, everywhere.

export function ms(value: number): string {
	return `${Math.round(value)} ms`;
}

export function seconds(value: number): string {
	return `${(value / 1000).toFixed(0)} s`;
}

export function kb(bytes: number, decimals = 1): string {
	return `${(bytes / 1024).toFixed(decimals)} KB`;
}

/** The median in ms, or a dash when there is nothing to take it of. */
export function medianMs(values: readonly number[]): string {
	return values.length ? ms(median(values)) : '—';
}

/** The median with the range beside it: on a shared two-core machine the spread is wide. */
export function spread(values: readonly number[]): string {
	if (values.length === 0) return '—';
	return `${ms(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
}
