import { posix } from 'node:path';
import type { Token, Tokens } from 'marked';
import type { Level, Quiz } from '../../src/lib/content/types';
import type { FileReport } from './diagnostics';
import { loneImage } from './figure';
import { placedTokens, plainText, type PlacedToken } from './markdown-tokens';
import { picturePath } from './picture-path';
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
	/** Whether pictures are allowed (lessons only: pathway and module pages show text). */
	allowPictures: boolean;
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
	/** The latest paragraph outside any list, quote or table: where a picture may stand. */
	let topParagraph: Tokens.Paragraph | undefined;
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
			case 'image': {
				const alone =
					placed.ancestors.join('/') === 'paragraph' && loneImage(topParagraph?.tokens) === token;
				checkImage(token as Tokens.Image, at(placed), context, alone);
				break;
			}
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
				if (token.type === 'paragraph' && placed.ancestors.length === 0) {
					topParagraph = token as Tokens.Paragraph;
				}
				checkUnreadPictures(token as Tokens.Paragraph, at(placed), report);
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

function checkImage(
	image: Tokens.Image,
	offset: number,
	context: BodyContext,
	alone: boolean
): void {
	const { report } = context;
	if (!image.text.trim()) {
		report.error(
			offset,
			`picture "${image.href}" has no alt text: say what it shows inside the square brackets, for learners who cannot see it`
		);
	}
	if (!context.allowPictures) {
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

/** `![…](…)` written so that Markdown does not read it as a picture: it would show as text. */
const PICTURE_SYNTAX = /!\[[^\]\n]*\]\(([^)\n]*)\)/g;

function checkUnreadPictures(block: Tokens.Paragraph, offset: number, report: FileReport): void {
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

/** A link's target path relative to content/, without its #anchor or ?query. */
export function resolveRelative(file: string, href: string): string {
	const path = decodeURI(href.split(/[#?]/)[0] ?? '');
	return posix.normalize(posix.join(posix.dirname(file), path));
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
