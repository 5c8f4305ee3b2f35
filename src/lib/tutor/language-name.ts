/**
 * A learner's language as a tutor reads it, named in `inLanguage` ("Polish" for the CSV,
 * "polski" on a Polish tutor's page); empty when their phone has not said yet.
 */
export function languageName(code: string | undefined, inLanguage = 'en'): string {
	if (!code) return '';
	return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
}
