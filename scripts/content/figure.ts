import type { Token, Tokens } from 'marked';

/**
 * The image a paragraph consists of, alone (blank text around it aside): such a paragraph is
 * a picture and becomes a figure. Anywhere else (in a sentence, a list, a link, a table) an
 * image is an authoring error, reported by check-body.ts.
 */
export function loneImage(tokens: Token[] | undefined): Tokens.Image | undefined {
	const content = (tokens ?? []).filter((t) => !(t.type === 'text' && !t.raw.trim()));
	const [only] = content;
	return content.length === 1 && only?.type === 'image' ? (only as Tokens.Image) : undefined;
}

/**
 * A picture's place in lesson HTML: `<figure data-media="sha256"><p>alt</p><figcaption>`.
 * The picture is a separate resource the phone puts here (or leaves out, in low-data mode);
 * the alt text is in the HTML so that the lesson reads whole without it. Without a hash (the
 * file is missing or broken, which the checker reports) the figure holds the alt text only.
 */
export function figureHtml(alt: string, caption: string | null, hash: string | undefined): string {
	const media = hash ? ` data-media="${hash}"` : '';
	const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
	return `<figure${media}><p>${escapeHtml(alt)}</p>${figcaption}</figure>\n`;
}

/** Text as HTML: safe between tags and inside double-quoted attributes. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}
