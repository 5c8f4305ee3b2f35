// Making an Intl formatter loads its language's data from ICU: an Intl.RelativeTimeFormat took
// about 2.5 ms in V8, and the tutor's grid made two formatters a learner, most of a 30-learner
// render at 4× CPU (docs/benchmarks.md). Formatting with a kept one takes microseconds.
const kept = new Map<string, unknown>();

/**
 * The formatter that `key` names (its kind, language and options), made by `make` the first
 * time it is asked for and kept for the page's life: a page sees a handful of languages.
 */
export function keptFormatter<T>(key: string, make: () => T): T {
	if (!kept.has(key)) kept.set(key, make());
	return kept.get(key) as T;
}
