import GithubSlugger from 'github-slugger';
import type { Token, Tokens } from 'marked';

/**
 * Heading ids carry GitHub's prefix, so a heading can neither clash with the app's own ids
 * ("main") nor clobber a global of the page by its name. Editors link to `#slug`; the
 * renderer adds the prefix to those links.
 */
export const ANCHOR_PREFIX = 'user-content-';

/** Gives each heading of one document its slug, GitHub's way: "Two words" → "two-words", then "two-words-1". */
export function headingSlugger(): (heading: Tokens.Heading) => string {
	const slugger = new GithubSlugger();
	return (heading) => slugger.slug(headingText(heading.tokens));
}

/** The text of a heading as a reader sees it, code included. */
function headingText(tokens: Token[] | undefined): string {
	return (tokens ?? [])
		.map((token) => {
			if ('tokens' in token && token.tokens?.length) return headingText(token.tokens);
			if (token.type === 'html' || token.type === 'image') return '';
			return 'text' in token ? decodeEntities(String(token.text)) : '';
		})
		.join('');
}

function decodeEntities(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The anchors of a document's headings, in the order the renderer gives them out. */
export function anchorsOf(headings: Iterable<Tokens.Heading>): Set<string> {
	const slug = headingSlugger();
	return new Set([...headings].map(slug));
}
