import type { Token, Tokens } from 'marked';
import { lexMarkdown } from './markdown';

export interface PlacedToken {
	token: Token;
	/** Offset of the token's first character in the Markdown source. */
	offset: number;
	/** Types of the enclosing tokens, outermost first (e.g. ["list", "list_item"]). */
	ancestors: string[];
}

/**
 * Lexes Markdown (GFM) and gives every token, nested ones included, with its offset in the
 * source. marked's tokens carry their raw text but no positions, so each one is found by
 * searching for its raw text after the end of its previous sibling. Inside a blockquote or a
 * list item marked has taken the "> " or the indent off each line, so a raw of several lines
 * is found with those prefixes allowed back in (see `locate`).
 */
export function placedTokens(source: string): PlacedToken[] {
	const tokens = lexMarkdown(source);
	const placed: PlacedToken[] = [];
	place(tokens, source, 0, source.length, [], placed);
	return placed;
}

function place(
	tokens: Token[],
	source: string,
	from: number,
	to: number,
	ancestors: string[],
	out: PlacedToken[]
): void {
	let cursor = from;
	for (const token of tokens) {
		const found = token.raw ? locate(source, token.raw, cursor, to) : undefined;
		const offset = found?.start ?? cursor;
		out.push({ token, offset, ancestors });
		const inner = [...ancestors, token.type];
		const end = found?.end ?? to;
		for (const children of childLists(token)) place(children, source, offset, end, inner, out);
		if (found) cursor = found.end;
	}
}

/**
 * Where `raw` next occurs in `source` between `from` and `to`, allowing container prefixes
 * ("> ", indents) after its line breaks.
 */
export function locate(
	source: string,
	raw: string,
	from: number,
	to = source.length
): { start: number; end: number } | undefined {
	const exact = source.indexOf(raw, from);
	if (exact >= 0 && exact + raw.length <= to) return { start: exact, end: exact + raw.length };
	if (!raw.includes('\n')) return undefined;
	const pattern = raw
		.split('\n')
		.map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('\n[ \t>]*');
	const match = new RegExp(pattern, 'g');
	match.lastIndex = from;
	const result = match.exec(source);
	if (!result || result.index + result[0].length > to) return undefined;
	return { start: result.index, end: result.index + result[0].length };
}

function childLists(token: Token): Token[][] {
	switch (token.type) {
		case 'list':
			return [(token as Tokens.List).items];
		case 'table': {
			const table = token as Tokens.Table;
			return [
				...table.header.map((cell) => cell.tokens),
				...table.rows.flatMap((row) => row.map((cell) => cell.tokens))
			];
		}
		default:
			return 'tokens' in token && Array.isArray(token.tokens) ? [token.tokens] : [];
	}
}

/** The words a reader reads in a run of inline tokens: code and raw HTML left out. */
export function plainText(tokens: Token[] | undefined): string {
	if (!tokens) return '';
	return tokens
		.map((token) => {
			switch (token.type) {
				case 'codespan':
				case 'html':
				case 'image':
					return '';
				case 'br':
					return ' ';
				case 'text':
				case 'escape':
					return 'tokens' in token && token.tokens ? plainText(token.tokens) : decode(token.text);
				default:
					return 'tokens' in token ? plainText(token.tokens) : '';
			}
		})
		.join('');
}

function decode(text: string): string {
	return text
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'");
}
