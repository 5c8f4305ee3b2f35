// One for the page: building an Intl.DisplayNames loads locale data, and the grid asks once
// per learner.
let names: Intl.DisplayNames | undefined;

/**
 * A learner's language as a tutor reads it, in English like the tutor's pages and the CSV's
 * column names ("Polish"); empty when their phone has not said yet.
 */
export function languageName(code: string | undefined): string {
	if (!code) return '';
	names ??= new Intl.DisplayNames(['en'], { type: 'language' });
	return names.of(code) ?? code;
}
