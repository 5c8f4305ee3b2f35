import { Lexer, type Token, type Tokens } from 'marked';

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
 * searching for its raw text after the end of its previous sibling.
 */
export function placedTokens(source: string): PlacedToken[] {
	const tokens = new Lexer({ gfm: true }).lex(source);
	const placed: PlacedToken[] = [];
	place(tokens, source, 0, [], placed);
	return placed;
}

function place(
	tokens: Token[],
	source: string,
	from: number,
	ancestors: string[],
	out: PlacedToken[]
): void {
	let cursor = from;
	for (const token of tokens) {
		const found = token.raw ? source.indexOf(token.raw, cursor) : -1;
		const offset = found >= 0 ? found : cursor;
		out.push({ token, offset, ancestors });
		const inner = [...ancestors, token.type];
		for (const children of childLists(token)) place(children, source, offset, inner, out);
		if (found >= 0) cursor = found + token.raw.length;
	}
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
