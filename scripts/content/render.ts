import type { Token, Tokens } from 'marked';
import { lexMarkdown, markdownParser } from './markdown';
import type { Sanitised, Sanitiser } from './sanitize';

export interface RenderLinks {
	/** The app URL for a link an editor wrote, or undefined to leave it as it is. */
	link(href: string): string | undefined;
	/** The URL to embed for an image an editor wrote (a data: URI), or undefined. */
	image(src: string): string | undefined;
}

/**
 * Markdown (GFM) → HTML → DOMPurify. ```quiz blocks are taken out: quizzes are published as
 * data and shown by the app, not as HTML.
 */
export function renderMarkdown(
	source: string,
	links: RenderLinks,
	sanitiser: Sanitiser
): Sanitised {
	const marked = markdownParser();
	const tokens = lexMarkdown(source).filter((t) => !isQuizBlock(t));
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'link') {
			const link = token as Tokens.Link;
			link.href = links.link(link.href) ?? link.href;
		} else if (token.type === 'image') {
			const image = token as Tokens.Image;
			image.href = links.image(image.href) ?? image.href;
		}
	});
	return sanitiser.rendered(marked.parser(tokens));
}

export function isQuizBlock(token: Token): token is Tokens.Code {
	return token.type === 'code' && (token as Tokens.Code).lang?.trim() === 'quiz';
}
