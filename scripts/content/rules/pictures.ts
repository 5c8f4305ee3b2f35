import type { Token, Tokens } from 'marked';
import type { BodyRule } from '../check-body';
import type { FileReport } from '../diagnostics';
import { loneImage } from '../figure';
import { picturePath } from '../picture-path';

/**
 * Pictures are described (alt text), stand alone in a paragraph of a lesson, and are files
 * in content/, so they work offline; `![…](…)` that Markdown does not read as a picture is
 * an error, not text a learner would see.
 */
export const pictures: BodyRule = ({ tokens, at, context }) => {
	const { report } = context;
	/** The latest paragraph outside any list, quote or table: where a picture may stand. */
	let topParagraph: Tokens.Paragraph | undefined;
	for (const placed of tokens) {
		const { token } = placed;
		if (token.type === 'paragraph' || token.type === 'text') {
			// Text directly inside a list item can hold pictures as a paragraph can.
			if (token.type === 'text' && placed.ancestors.at(-1) !== 'list_item') continue;
			if (token.type === 'paragraph' && placed.ancestors.length === 0) {
				topParagraph = token as Tokens.Paragraph;
			}
			unreadPictures(token as Tokens.Paragraph, at(placed), report);
			continue;
		}
		if (token.type !== 'image') continue;
		const image = token as Tokens.Image;
		const offset = at(placed);
		const alone =
			placed.ancestors.join('/') === 'paragraph' && loneImage(topParagraph?.tokens) === token;
		if (!image.text.trim()) {
			report.error(offset, noAltText(image.href));
		}
		if (!context.isLesson) {
			report.error(offset, 'pictures go in lessons: pathway and module pages show text only');
		} else if (!alone) {
			report.error(
				offset,
				'put the picture in a paragraph of its own, with an empty line before and after (not in a sentence, list, link or table): pictures are shown full width with their caption'
			);
		}
		const place = picturePath(context.file, image.href);
		if ('problem' in place) {
			report.error(offset, place.problem);
		} else if (!context.assetExists(place.path)) {
			report.error(
				offset,
				`missing image: "${image.href.trim()}" (there is no content/${place.path})`
			);
		}
	}
};

/** The checker's message for a picture without alt text; the editor's picture dialog says it too. */
export function noAltText(href: string): string {
	return `picture "${href}" has no alt text: say what it shows inside the square brackets, for learners who cannot see it`;
}

/** `![…](…)` written so that Markdown does not read it as a picture: it would show as text. */
const PICTURE_SYNTAX = /!\[[^\]\n]*\]\(([^)\n]*)\)/g;

function unreadPictures(block: Tokens.Paragraph, offset: number, report: FileReport): void {
	const read = new Set<string>();
	let raw = block.raw;
	for (const token of innerTokens(block.tokens)) {
		if (token.type === 'image') read.add(token.raw);
		// Code shows Markdown as it is written: blank it out, keeping every offset.
		if (token.type === 'codespan') raw = raw.replace(token.raw, ' '.repeat(token.raw.length));
	}
	for (const match of raw.matchAll(PICTURE_SYNTAX)) {
		if (read.has(match[0])) continue;
		const path = (match[1] ?? '').replace(/\s+"[^"]*"\s*$/, '').trim();
		report.error(
			offset + (match.index ?? 0),
			/\s/.test(path)
				? `this picture is not shown: its path "${path}" has a space; rename the file with hyphens, like "${path.replace(/\s+/g, '-')}"`
				: 'this looks like a picture, but Markdown does not read it as one: write ![what it shows](images/file.svg "caption")'
		);
	}
}

function* innerTokens(tokens: Token[] | undefined): Generator<Token> {
	for (const token of tokens ?? []) {
		yield token;
		if ('tokens' in token) yield* innerTokens(token.tokens as Token[] | undefined);
	}
}
