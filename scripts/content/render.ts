import type { Token, Tokens } from 'marked';
import { escapeHtml, figureHtml, loneImage } from './figure';
import { lexMarkdown, markdownParser } from './markdown';
import { isExerciseBlock } from './rules/exercise-blocks';
import type { Sanitised, Sanitiser } from './sanitize';

export interface RenderLinks {
	/** The app URL for a link an editor wrote, or undefined to leave it as it is. */
	link(href: string): string | undefined;
	/** The media hash of the picture an editor wrote, or undefined when there is none. */
	picture(src: string): string | undefined;
}

/**
 * Markdown (GFM) → HTML → DOMPurify. ```quiz and ```exercise blocks are taken out: they are data
 * for the app, not HTML. A picture alone in its paragraph becomes a figure
 * placeholder (figure.ts); an image anywhere else becomes its alt text.
 */
export function renderMarkdown(
	source: string,
	links: RenderLinks,
	sanitiser: Sanitiser
): Sanitised {
	const marked = markdownParser();
	marked.use({
		renderer: {
			paragraph({ tokens }) {
				const image = loneImage(tokens);
				if (!image) return false;
				const alt = this.parser.parseInline(image.tokens ?? [], this.parser.textRenderer);
				return figureHtml(alt, image.title ?? null, links.picture(image.href));
			},
			image({ text, tokens }) {
				return escapeHtml(
					tokens ? this.parser.parseInline(tokens, this.parser.textRenderer) : text
				);
			}
		}
	});
	const tokens = lexMarkdown(source).filter((t) => !isQuizBlock(t) && !isExerciseBlock(t));
	marked.walkTokens(tokens, (token) => {
		if (token.type === 'link') {
			const link = token as Tokens.Link;
			link.href = links.link(link.href) ?? link.href;
		}
	});
	return sanitiser.rendered(marked.parser(tokens));
}

export function isQuizBlock(token: Token): token is Tokens.Code {
	return token.type === 'code' && (token as Tokens.Code).lang?.trim() === 'quiz';
}
