import type { CatalogLesson, StoredLesson } from './catalog-types';

/**
 * A lesson comes in the learner's language when it has a translation into it, else in English,
 * the language every lesson is written in first. Pure: the download, its size and the lesson
 * screen share these.
 */
export function lessonLanguage(lesson: CatalogLesson, locale: string): string {
	const language = languageOf(locale);
	return lesson.translations?.[language] ? language : 'en';
}

/** "pl" of "pl"; "en" of the test language "en-XA". */
export function languageOf(locale: string): string {
	return locale.split('-')[0] ?? locale;
}

/** The hash of the lesson a phone should keep for a learner reading `locale`. */
export function wantedHash(lesson: CatalogLesson, locale: string): string {
	return lesson.translations?.[languageOf(locale)]?.hash ?? lesson.hash;
}

/** About how many bytes downloading the lesson costs in the learner's language. */
export function lessonBytes(lesson: CatalogLesson, locale: string): number {
	return lesson.translations?.[languageOf(locale)]?.bytes ?? lesson.bytes;
}

/** The lesson's title in the learner's language, where it has one. */
export function lessonTitle(lesson: CatalogLesson, locale: string): string {
	return lesson.translations?.[languageOf(locale)]?.title ?? lesson.title;
}

/** The language a stored lesson's words are in. */
export function storedLanguage(lesson: Pick<StoredLesson, 'lang'>): string {
	return lesson.lang ?? 'en';
}

/**
 * Why a lesson shown to a learner reading `locale` is in English, if it is: it has no
 * translation into the learner's language yet (`untranslated`), or it has one that is not on
 * the phone (`not-downloaded`: an English copy was saved before, and the phone is offline).
 */
export function englishNote(
	lesson: CatalogLesson,
	shown: Pick<StoredLesson, 'lang'>,
	locale: string
): 'untranslated' | 'not-downloaded' | undefined {
	const language = languageOf(locale);
	if (language === 'en' || storedLanguage(shown) === language) return undefined;
	return lesson.translations?.[language] ? 'not-downloaded' : 'untranslated';
}
