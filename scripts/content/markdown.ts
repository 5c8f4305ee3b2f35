import { Marked, type Token, type Tokens } from 'marked';
import { ANCHOR_PREFIX, anchorsOf, headingSlugger } from './anchors';
import { calloutRenderer, markCallouts } from './callouts';

/**
 * The one Markdown dialect of Clyde, for the checker and the renderer alike: GitHub's
 * (GFM), its alerts as callouts, and its heading ids.
 */
export function lexMarkdown(source: string): Token[] {
	const tokens = new Marked({ gfm: true }).lexer(source);
	markCallouts(tokens);
	return tokens;
}

/** A parser for one document: each heading gets a GitHub-style id, unique in that document. */
export function markdownParser(): Marked {
	const slug = headingSlugger();
	return new Marked({
		gfm: true,
		extensions: [calloutRenderer],
		renderer: {
			heading(heading: Tokens.Heading) {
				const id = ANCHOR_PREFIX + slug(heading);
				return `<h${heading.depth} id="${id}">${this.parser.parseInline(heading.tokens)}</h${heading.depth}>\n`;
			}
		}
	});
}

/** The anchors ("strong-passwords") that the headings of a Markdown body get. */
export function anchorsIn(source: string): Set<string> {
	const headings: Tokens.Heading[] = [];
	new Marked().walkTokens(lexMarkdown(source), (token) => {
		if (token.type === 'heading') headings.push(token as Tokens.Heading);
	});
	return anchorsOf(headings);
}
