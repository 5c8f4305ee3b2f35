/**
 * A message as the message files hold it: a string with `{name}` placeholders, or, for a
 * sentence that changes with a number, one string per plural category of the language
 * (Intl.PluralRules: zero, one, two, few, many, other), chosen by the `count` parameter.
 */
export type Message = string | PluralMessage;
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Params = Readonly<Record<string, string | number>>;

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
	let value = cache.get(locale);
	if (!value) cache.set(locale, (value = make()));
	return value;
}

/** Fills a message's placeholders; numbers are written the language's way (Intl.NumberFormat). */
export function formatMessage(message: Message, params: Params, locale: string): string {
	const template =
		typeof message === 'string' ? message : pluralCase(message, params.count, locale);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number'
			? cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(value)
			: value;
	});
}

function pluralCase(message: PluralMessage, count: unknown, locale: string): string {
	if (typeof count !== 'number') return message.other;
	// An exact zero reads better as "no lessons" where the file gives one, whatever the language.
	if (count === 0 && message.zero !== undefined) return message.zero;
	const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(count);
	return message[category] ?? message.other;
}
