import type { Level, Quiz } from '../../src/lib/content/types';
import type { FileReport } from './diagnostics';
import type { PlacedExercise } from './exercise';
import { sizeProblem } from './limits';
import { placedTokens, type PlacedToken } from './markdown-tokens';
import { dialects } from './rules/dialects';
import { emptyBody } from './rules/empty-body';
import { exerciseBlocks } from './rules/exercise-blocks';
import { headings } from './rules/headings';
import { links } from './rules/links';
import { pictures } from './rules/pictures';
import { prose } from './rules/prose';
import { quizBlocks } from './rules/quiz-blocks';
import { rawHtml } from './rules/raw-html';
import type { Sanitiser } from './sanitize';

export interface BodyContext {
	/** This file's path relative to content/, e.g. "01-de/02-safe/01-passwords.md". */
	file: string;
	/** Offset of the body (after the frontmatter) in the file. */
	bodyOffset: number;
	report: FileReport;
	level: Level;
	/** Lessons: a quiz and pictures are allowed, and the body must have text. */
	isLesson: boolean;
	markdownExists(path: string): boolean;
	assetExists(path: string): boolean;
	/** The heading anchors of another content file, or undefined when it is not known. */
	anchorsOf(path: string): ReadonlySet<string> | undefined;
	sanitiser: Sanitiser;
}

/** What each rule is given: the body's tokens, where they are, and somewhere to put a quiz and exercises. */
export interface BodyCheck {
	context: BodyContext;
	body: string;
	tokens: PlacedToken[];
	/** The offset in the file of a token. */
	at(placed: PlacedToken): number;
	result: BodyResult;
}

export interface BodyResult {
	quiz?: Quiz;
	exercises?: PlacedExercise[];
}

/** One kind of check over a Markdown body; each reports what it finds in `check.context.report`. */
export type BodyRule = (check: BodyCheck) => void;

/** Every check a body gets. A new kind of check is a new file in rules/ and a line here. */
export const BODY_RULES: BodyRule[] = [
	quizBlocks,
	exerciseBlocks,
	emptyBody,
	headings,
	links,
	pictures,
	rawHtml,
	prose,
	dialects
];

/** Checks a Markdown body and returns its quiz and exercises, if it has them. */
export function checkBody(body: string, context: BodyContext): BodyResult {
	const tooBig = sizeProblem(body);
	if (tooBig) {
		context.report.error(context.bodyOffset + tooBig.offset, tooBig.message);
		return {};
	}
	const check: BodyCheck = {
		context,
		body,
		tokens: placedTokens(body),
		at: (placed) => context.bodyOffset + placed.offset,
		result: {}
	};
	for (const rule of BODY_RULES) rule(check);
	return check.result;
}
