import { keptFormatter } from './kept-formatter';

/**
 * A message as the message files hold it: a string with `{name}` placeholders, or, for a
 * sentence that changes with a number, one string per plural category of the language
 * (Intl.PluralRules: zero, one, two, few, many, other), chosen by the `count` parameter.
 */
export type Message = string | PluralMessage;
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Params = Readonly<Record<string, string | number>>;

/** Fills a message's placeholders; numbers are written the language's way (Intl.NumberFormat). */
export function formatMessage(message: Message, params: Params, locale: string): string {
	const template =
		typeof message === 'string' ? message : pluralCase(message, params.count, locale);
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number'
			? keptFormatter(`number ${locale}`, () => new Intl.NumberFormat(locale)).format(value)
			: value;
	});
}

function pluralCase(message: PluralMessage, count: unknown, locale: string): string {
	if (typeof count !== 'number') return message.other;
	// An exact zero reads better as "no lessons" where the file gives one, whatever the language.
	if (count === 0 && message.zero !== undefined) return message.zero;
	const category = keptFormatter(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(
		count
	);
	return message[category] ?? message.other;
}
