import { posix } from 'node:path';
import type { Tokens } from 'marked';
import type { Level, Quiz } from '../../src/lib/content/types';
import type { FileReport } from './diagnostics';
import { placedTokens, plainText, type PlacedToken } from './markdown-tokens';
import { parseQuiz } from './quiz';
import {
	MAX_SENTENCE_WORDS,
	READING_EASE_TARGET,
	readingEase,
	sentences,
	words
} from './readability';
import { isQuizBlock } from './render';
import { sanitiseEditorHtml } from './sanitize';

export interface BodyContext {
	/** This file's path relative to content/, e.g. "01-de/02-safe/01-passwords.md". */
	file: string;
	/** Offset of the body (after the frontmatter) in the file. */
	bodyOffset: number;
	report: FileReport;
	level: Level;
	/** Whether quizzes are allowed (lessons only). */
	allowQuiz: boolean;
	markdownExists(path: string): boolean;
	assetExists(path: string): boolean;
}

const VAGUE_LINK_TEXT = new Set([
	'click here',
	'here',
	'click',
	'read more',
	'more',
	'this link',
	'link',
	'this',
	'this page',
	'go',
	'find out more'
]);

const EXTERNAL = /^(?:https?:|mailto:|tel:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Checks a Markdown body and returns its quiz, if it has one. */
export function checkBody(body: string, context: BodyContext): { quiz?: Quiz } {
	const { report } = context;
	const at = (placed: PlacedToken) => context.bodyOffset + placed.offset;
	let quiz: Quiz | undefined;
	let quizCount = 0;
	let previousHeading = 1;
	const prose: string[] = [];
	const proseStarts: { offset: number; text: string }[] = [];
	const addProse = (text: string, offset: number) => {
		for (const sentence of sentences(text)) {
			prose.push(sentence);
			proseStarts.push({ offset, text: sentence });
		}
	};

	for (const placed of placedTokens(body)) {
		const { token } = placed;
		switch (token.type) {
			case 'code': {
				const lang = (token as Tokens.Code).lang?.trim() ?? '';
				if (/^quiz/i.test(lang) && !isQuizBlock(token)) {
					report.error(
						at(placed),
						`unknown quiz syntax "\`\`\`${lang}": start a quiz with \`\`\`quiz`
					);
				}
				if (!isQuizBlock(token)) break;
				quizCount++;
				if (!context.allowQuiz) {
					report.error(at(placed), 'quizzes belong in lessons, not in pathway.md or module.md');
				} else if (quizCount > 1) {
					report.error(
						at(placed),
						'a lesson has one quiz: merge the questions into the first ```quiz block'
					);
				} else {
					const firstLineEnd = token.raw.indexOf('\n') + 1;
					quiz = parseQuiz(token.text, at(placed) + firstLineEnd, report);
				}
				break;
			}
			case 'heading': {
				const depth = (token as Tokens.Heading).depth;
				if (depth === 1) {
					report.warn(at(placed), 'use "##" for sections: the title is already the main heading');
				} else if (depth > previousHeading + 1) {
					report.warn(
						at(placed),
						`heading level skipped: "${'#'.repeat(depth)}" after "${'#'.repeat(previousHeading)}"; use "${'#'.repeat(previousHeading + 1)}"`
					);
				}
				previousHeading = depth;
				break;
			}
			case 'link':
				checkLink(token as Tokens.Link, at(placed), context);
				break;
			case 'image':
				checkImage(token as Tokens.Image, at(placed), context);
				break;
			case 'html': {
				const { removed } = sanitiseEditorHtml(token.raw);
				if (removed.length > 0) {
					report.error(
						at(placed),
						`raw HTML that would be removed: ${unique(removed).join(', ')}; use Markdown instead (allowed tags: kbd, abbr, details, summary, sup, sub, br)`
					);
				}
				break;
			}
			case 'paragraph':
			case 'text': {
				// Text directly inside a list item is prose; a paragraph always is.
				if (token.type === 'text' && placed.ancestors.at(-1) !== 'list_item') break;
				addProse(plainText((token as Tokens.Paragraph).tokens), at(placed));
				break;
			}
			case 'table': {
				const table = token as Tokens.Table;
				for (const cell of [...table.header, ...table.rows.flat()]) {
					addProse(plainText(cell.tokens), at(placed));
				}
				break;
			}
		}
	}

	for (const { offset, text } of proseStarts) {
		const count = words(text).length;
		if (count > MAX_SENTENCE_WORDS) {
			report.warn(
				offset,
				`long sentence (${count} words; keep to ${MAX_SENTENCE_WORDS} or fewer): "${words(text).slice(0, 8).join(' ')}…"`
			);
		}
	}
	const ease = readingEase(prose);
	const target = READING_EASE_TARGET[context.level];
	if (ease !== undefined && ease < target) {
		report.warn(
			context.bodyOffset,
			`reading ease ${ease.toFixed(0)} is below ${target}, the target for ${context.level} level: use shorter sentences and shorter words`
		);
	}
	return { quiz };
}

function checkLink(link: Tokens.Link, offset: number, context: BodyContext): void {
	const { report } = context;
	const label = plainText(link.tokens)
		.trim()
		.toLowerCase()
		.replace(/[.!:]+$/, '');
	if (VAGUE_LINK_TEXT.has(label)) {
		report.warn(
			offset,
			`link text "${plainText(link.tokens).trim()}" does not say where it goes: name the page instead`
		);
	}
	const href = link.href.trim();
	if (href.startsWith('#') || EXTERNAL.test(href)) return;
	if (ANY_SCHEME.test(href) || href.startsWith('//')) {
		report.error(
			offset,
			`link to "${href}" is not allowed: use https://… or a relative path to a .md file`
		);
		return;
	}
	const target = resolveRelative(context.file, href);
	if (!target.endsWith('.md')) {
		report.error(
			offset,
			`link to "${href}": links inside Clyde point to a lesson, module.md or pathway.md file`
		);
	} else if (!context.markdownExists(target)) {
		report.error(offset, `broken link: "${href}" (there is no content/${target})`);
	}
}

function checkImage(image: Tokens.Image, offset: number, context: BodyContext): void {
	const { report } = context;
	if (!image.text.trim()) {
		report.warn(
			offset,
			`image "${image.href}" has no alt text: describe it inside the square brackets`
		);
	}
	const src = image.href.trim();
	if (ANY_SCHEME.test(src) || src.startsWith('//')) {
		report.error(
			offset,
			`image "${src}" must be a file in content/: learners offline cannot load pictures from the web`
		);
		return;
	}
	const target = resolveRelative(context.file, src);
	if (!context.assetExists(target)) {
		report.error(offset, `missing image: "${src}" (there is no content/${target})`);
	}
}

/** A link's target path relative to content/, without its #anchor or ?query. */
export function resolveRelative(file: string, href: string): string {
	const path = decodeURI(href.split(/[#?]/)[0] ?? '');
	return posix.normalize(posix.join(posix.dirname(file), path));
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
