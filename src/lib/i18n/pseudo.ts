import type { Message } from './format-message';

const ACCENTED: Record<string, string> = Object.fromEntries(
	[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
		letter,
		[...'àƀçđéƒĝħíĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĦÍĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] as string
	])
);

/** Each ASCII letter of `text` accented: still readable, and plainly not hard-coded English. */
export function accent(text: string): string {
	return text.replace(/[a-z]/gi, (c) => ACCENTED[c] ?? c);
}

/** A message's parameters as the pseudo-locale shows them: words accented, numbers as they are. */
export function pseudoParams(
	params: Readonly<Record<string, string | number>>
): Record<string, string | number> {
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? accent(v) : v])
	);
}

/** Pseudo-translates one message: each letter accented, placeholders kept, the whole in ⟦ ⟧. */
export function pseudoText(text: string): string {
	const parts = text.split(/(\{\w+\})/);
	return `⟦${parts.map((part) => (/^\{\w+\}$/.test(part) ? part : accent(part))).join('')}⟧`;
}

/** The pseudo-locale's messages, made from English's. */
export function pseudoMessages(
	messages: Readonly<Record<string, Message>>
): Record<string, Message> {
	return Object.fromEntries(
		Object.entries(messages).map(([key, message]) => [
			key,
			typeof message === 'string'
				? pseudoText(message)
				: Object.fromEntries(Object.entries(message).map(([c, text]) => [c, pseudoText(text)]))
		])
	) as Record<string, Message>;
}
