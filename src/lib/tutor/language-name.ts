// One per language for the page: building an Intl.DisplayNames loads locale data, and the grid
// asks once per learner.
const namesIn = new Map<string, Intl.DisplayNames>();

/**
 * A learner's language as a tutor reads it, named in `inLanguage` ("Polish" for the CSV,
 * "polski" on a Polish tutor's page); empty when their phone has not said yet.
 */
export function languageName(code: string | undefined, inLanguage = 'en'): string {
	if (!code) return '';
	let names = namesIn.get(inLanguage);
	if (!names) {
		names = new Intl.DisplayNames([inLanguage], { type: 'language' });
		namesIn.set(inLanguage, names);
	}
	return names.of(code) ?? code;
}
