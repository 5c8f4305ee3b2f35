import { LOCALES } from '../../src/lib/i18n/locales';

/** The languages a lesson may be translated into: the interface's, but English, the original's. */
export const TRANSLATION_LANGUAGES: readonly string[] = LOCALES.filter((l) => l !== 'en');

/** "01-passwords.pl.md": a lesson's name, a language code, ".md". */
const TRANSLATION = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\.md$/;

/**
 * The original and language of a translation file ("01-de/02-safe/01-passwords.pl.md" is the
 * Polish of "01-de/02-safe/01-passwords.md"), or undefined for any other file.
 */
export function translationOf(file: string): { original: string; language: string } | undefined {
	const match = TRANSLATION.exec(file);
	if (!match) return undefined;
	return { original: `${match[1]}.md`, language: match[2] as string };
}

/** The file of a lesson's translation into `language`. */
export function translationFile(original: string, language: string): string {
	return original.replace(/\.md$/, `.${language}.md`);
}
