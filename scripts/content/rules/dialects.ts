import type { Tokens } from 'marked';
import { calloutMarker, CALLOUT_TYPES } from '../callouts';
import type { BodyCheck, BodyRule } from '../check-body';
import { locate, type PlacedToken } from '../markdown-tokens';

// Syntax from other Markdown dialects (MDN, Jekyll, Hugo, kramdown, Pandoc, VitePress, GitHub
// footnotes) that Clyde's Markdown does not read: learners would see it as literal text.
// Each is a warning with what to write instead, so that open material can be brought in.

/** A `:::name` block's name → the callout that says the same. */
const CALLOUT_FOR: Record<string, string> = {
	note: 'NOTE',
	callout: 'NOTE',
	info: 'NOTE',
	tip: 'TIP',
	hint: 'TIP',
	important: 'IMPORTANT',
	warning: 'WARNING',
	warn: 'WARNING',
	attention: 'WARNING',
	caution: 'CAUTION',
	danger: 'CAUTION',
	error: 'CAUTION'
};
const CALLOUT_LIST = CALLOUT_TYPES.map((t) => `[!${t.toUpperCase()}]`).join(', ');

interface Pattern {
	regex: RegExp;
	/** The warning, or undefined when this match needs none. */
	message(match: RegExpExecArray, seen: Seen): string | undefined;
}

/** What a file has shown so far, for patterns whose warning depends on it. */
interface Seen {
	namedBlock: boolean;
}

/** Looked for in text as learners would see it: never inside code. */
const INLINE: Pattern[] = [
	{
		regex: /\{\{[^{}\n]{0,200}\}\}/g,
		message: ([m]) =>
			`"${m}" is a template macro from another site: learners would see it as text. Write out the words or the link it stands for`
	},
	{
		regex: /\{%[^\n]{0,200}?%\}/g,
		message: ([m]) =>
			`"${m}" is a template tag (Liquid or Jekyll): learners would see it as text. Remove it, or write out what it stands for`
	},
	{
		regex: /\{:[^}\n]{0,200}\}|\{[ \t]*(?:[.#][A-Za-z]|[A-Za-z][\w-]*=)[^}\n]{0,200}\}/g,
		message: ([m]) =>
			/[{\s]alt=/.test(m)
				? `"${m.length > 50 ? `${m.slice(0, 49)}…}` : m}" gives a picture its alt text in another Markdown dialect: learners would see it as text. Move the words into the picture's square brackets, ![like this](file.png), and remove the braces`
				: `"${m}" sets a style or an id in another Markdown dialect: learners would see it as text. Remove it`
	},
	{
		regex: /\[\^[^\]\s]{1,40}\](?!:)/g,
		message: ([m]) => footnote(m)
	},
	{
		regex: /(!?)\[[^\]\n]*\]\(([^()\n]*[ \t][^()\n]*)\)/g,
		message: ([, bang, path]) => {
			// A picture's is an error, with the picture rules (rules/pictures.ts).
			if (bang) return undefined;
			const fixed = (path ?? '').trim().replace(/\s+/g, '-');
			return `link path "${path}" has a space, so it is not read as a link: learners would see the text. Rename the file with hyphens, like "${fixed}"`;
		}
	}
];

/** Looked for at the start of a line of a paragraph. */
const LINES: Pattern[] = [
	{
		regex: /^ {0,3}:{3,}[ \t]*\{?[ \t]*\.?([A-Za-z][\w-]*)?.*$/gm,
		message: ([m, name], seen) => {
			// A closing ":::" after a named one needs no warning of its own.
			if (!name && seen.namedBlock) return undefined;
			if (name) seen.namedBlock = true;
			const type = name && CALLOUT_FOR[name.toLowerCase()];
			if (type) {
				return `"${m.trim()}" is a block from another Markdown dialect: learners would see the colons as text. Turn it into a callout: start each of its lines with "> ", make the first "> [!${type}]", and remove the ":::" lines`;
			}
			return `"${m.trim()}" is a block from another Markdown dialect: learners would see the colons as text. Remove the ":::" lines`;
		}
	},
	{
		regex: /^ {0,3}\[\^[^\]\s]{1,40}\]:/gm,
		message: ([m]) => footnote(m.trim().slice(0, -1))
	}
];

function footnote(reference: string): string {
	return `footnotes ("${reference}") are not supported: learners would see "${reference}" as text. Put the note in brackets after its sentence, or in a sentence of its own`;
}

export const dialects: BodyRule = (check) => {
	const { tokens, context } = check;
	const seen: Seen = { namedBlock: false };
	for (const placed of tokens) {
		const { token } = placed;
		if (token.type === 'text' && !('tokens' in token && token.tokens)) {
			find(INLINE, token.raw, placed, check, seen);
		} else if (token.type === 'paragraph') {
			find(LINES, token.raw, placed, check, seen);
		} else if (token.type === 'link' && token.raw.startsWith('[^')) {
			context.report.warn(check.at(placed), footnote(token.raw));
		} else if (token.type === 'def' && (token as Tokens.Def).tag.startsWith('^')) {
			context.report.warn(check.at(placed), footnote(`[${(token as Tokens.Def).tag}]`));
		} else if (token.type === 'blockquote') {
			checkCalloutMarker(token as Tokens.Blockquote, placed, check);
		}
	}
};

function checkCalloutMarker(quote: Tokens.Blockquote, placed: PlacedToken, check: BodyCheck) {
	const marker = calloutMarker(quote);
	const at = check.at(placed);
	if (marker && !marker.known) {
		const type = CALLOUT_FOR[marker.type];
		check.context.report.warn(
			at,
			`"[!${marker.type.toUpperCase()}]" is not a kind of callout, so learners would see it as text: ${type ? `use "[!${type}]"` : `use one of ${CALLOUT_LIST}`}`
		);
	} else if (!marker) {
		const sameLine = /^\[!([A-Za-z]+)\][ \t]*\S/.exec(quote.text);
		if (sameLine) {
			check.context.report.warn(
				at,
				`put the callout's text on the line after "[!${sameLine[1]?.toUpperCase()}]", which must be alone on its line: learners would see it as text`
			);
		}
	}
}

/** Reports each match of the patterns in `raw`, a token's text. */
function find(patterns: Pattern[], raw: string, placed: PlacedToken, check: BodyCheck, seen: Seen) {
	for (const { regex, message } of patterns) {
		// Matches come in order, so each is looked for in the body after the one before.
		let cursor = placed.offset;
		for (const match of raw.matchAll(regex)) {
			const where = locate(check.body, match[0], cursor);
			cursor = where?.end ?? cursor;
			const warning = message(match, seen);
			if (warning) {
				check.context.report.warn(
					check.context.bodyOffset + (where?.start ?? placed.offset),
					warning
				);
			}
		}
	}
}
