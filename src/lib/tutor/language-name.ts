/**
 * A learner's language as a tutor reads it, in English like the tutor's pages and the CSV's
 * column names ("Polish"); empty when their phone has not said yet.
 */
export function languageName(code: string | undefined): string {
	if (!code) return '';
	return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
}
