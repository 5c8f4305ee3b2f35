/** The interface's languages, in the order the chooser lists them. */
export const LOCALES = ['en', 'pl', 'ur', 'ar'] as const;
export type AppLocale = (typeof LOCALES)[number];

/**
 * A test language: English with every letter accented and each message in brackets, so that a
 * browser test can see any text that did not come through the messages (docs/translating.md).
 * Never offered to learners.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type Locale = AppLocale | typeof PSEUDO_LOCALE;

/** Each language named in itself, as a speaker looks for it. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
	en: 'English',
	pl: 'Polski',
	ur: 'اردو',
	ar: 'العربية'
};

const RIGHT_TO_LEFT = new Set<string>(['ur', 'ar']);

export function direction(locale: string): 'ltr' | 'rtl' {
	return RIGHT_TO_LEFT.has(locale.split('-')[0] ?? locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
	return value === PSEUDO_LOCALE || (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The language to show: the learner's own choice if they made one, else the first of the
 * browser's languages that Clyde has (by its language part: `pl-PL` is Polish), else English.
 */
export function pickLocale(
	chosen: string | null | undefined,
	preferred: readonly string[]
): Locale {
	if (isLocale(chosen)) return chosen;
	for (const tag of preferred) {
		const language = tag.toLowerCase().split('-')[0];
		const match = LOCALES.find((locale) => locale === language);
		if (match) return match;
	}
	return 'en';
}
