import { TRANSLATION_LANGUAGES, translationFile } from '../../../scripts/content/translation-file';

/** The review record a new translation starts with (docs/translating.md). */
export const DRAFT_STATUS = 'draft — needs review by a native speaker';

/** The languages `original` (a lesson, pathway.md or module.md) has no translation into yet. */
export function untranslatedLanguages(
	texts: ReadonlyMap<string, string>,
	original: string
): string[] {
	return TRANSLATION_LANGUAGES.filter((l) => !texts.has(translationFile(original, l)));
}

/**
 * A translation's first text: a copy of its original, to translate in place, with
 * `status: draft …` as the last line of its frontmatter, in the file content:check expects
 * ("01-passwords.pl.md" beside "01-passwords.md"). The words stay English until translated;
 * the copy keeps ids, quiz answers and exercises, so it checks clean against its original.
 */
export function newTranslation(
	texts: ReadonlyMap<string, string>,
	original: string,
	language: string
): { file: string; text: string } {
	if (!TRANSLATION_LANGUAGES.includes(language))
		throw new Error(
			`"${language}" is not a language Clyde's screens speak (${TRANSLATION_LANGUAGES.join(', ')})`
		);
	const file = translationFile(original, language);
	if (texts.has(file)) throw new Error(`${file.split('/').pop()} exists already: open it instead`);
	const text = texts.get(original);
	const head = text === undefined ? null : /^---\r?\n[\s\S]*?\r?\n(?=---)/.exec(text);
	if (text === undefined || !head)
		throw new Error(
			`${original.split('/').pop()} has no frontmatter to copy: fix its errors first`
		);
	// An original that names its status (it should not) would give two `status:` lines.
	const kept = head[0].replace(/^status:.*\r?\n/m, '');
	const newline = text.includes('\r\n') ? '\r\n' : '\n';
	return {
		file,
		text: `${kept}status: ${DRAFT_STATUS}${newline}${text.slice(head[0].length)}`
	};
}
