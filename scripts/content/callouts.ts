import type { RendererExtension, Token, Tokens } from 'marked';

/** GitHub's alert types, which Clyde renders as callouts. */
export const CALLOUT_TYPES = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** "[!NOTE]" alone on the first line of a blockquote's text, as GitHub writes an alert. */
const MARKER = /^\[!([A-Za-z]+)\][ \t]*(?:\n|$)/;

/** The type a blockquote's first line names ("[!Note]" → "note"), known or not. */
export function calloutMarker(
	quote: Tokens.Blockquote
): { type: string; known: boolean; marker: string } | undefined {
	const match = MARKER.exec(quote.text);
	if (!match) return undefined;
	const type = (match[1] as string).toLowerCase();
	return { type, known: (CALLOUT_TYPES as readonly string[]).includes(type), marker: match[0] };
}

export interface CalloutToken extends Tokens.Generic {
	type: 'callout';
	calloutType: CalloutType;
	tokens: Token[];
}

/**
 * Turns each blockquote that starts with a known "[!TYPE]" line into a callout token, its
 * marker line taken out, in place (nested ones too). Unknown types stay blockquotes, and
 * the checker says so.
 */
export function markCallouts(tokens: Token[]): void {
	for (const token of tokens) {
		for (const children of childTokens(token)) markCallouts(children);
		if (token.type !== 'blockquote') continue;
		const quote = token as Tokens.Blockquote;
		const marker = calloutMarker(quote);
		const first = quote.tokens[0];
		const text = first?.type === 'paragraph' ? (first as Tokens.Paragraph).tokens[0] : undefined;
		if (!marker?.known || !first || text?.type !== 'text' || !text.raw.startsWith(marker.marker))
			continue;
		const paragraph = first as Tokens.Paragraph;
		const cut = (value: string) => value.slice(marker.marker.length);
		paragraph.raw = cut(paragraph.raw);
		paragraph.text = cut(paragraph.text);
		text.raw = cut(text.raw);
		(text as Tokens.Text).text = cut((text as Tokens.Text).text);
		if (!text.raw) paragraph.tokens.shift();
		if (!paragraph.tokens.length) quote.tokens.shift();
		Object.assign(token, { type: 'callout', calloutType: marker.type });
	}
}

function childTokens(token: Token): Token[][] {
	if (token.type === 'list') return [(token as Tokens.List).items];
	if (token.type === 'table') return [];
	return 'tokens' in token && Array.isArray(token.tokens) ? [token.tokens] : [];
}

/**
 * Renders a callout as a `role="note"` box whose title (Note, Tip, …) is a visible word, so
 * its meaning does not rest on colour or an icon.
 */
export const calloutRenderer: RendererExtension = {
	name: 'callout',
	renderer(token) {
		const { calloutType, tokens } = token as CalloutToken;
		const title = (calloutType[0] ?? '').toUpperCase() + calloutType.slice(1);
		return `<div class="callout callout-${calloutType}" role="note">\n<p class="callout-title">${title}</p>\n${this.parser.parse(tokens)}</div>\n`;
	}
};
