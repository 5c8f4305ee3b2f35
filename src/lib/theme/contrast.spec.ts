import { readFileSync } from 'node:fs';
import Color from 'colorjs.io';
import { describe, expect, it } from 'vitest';
import { readThemeTokens, THEMES, type Tokens } from './read-tokens';

/**
 * WCAG 2.2 AA contrast of every pair of colour tokens that meets on screen, in every theme,
 * computed from app.css itself: a token change that breaks contrast fails here. Where each
 * pair is used is in docs/styles.md.
 */
const themes = readThemeTokens(
	readFileSync(new URL('../../app.css', import.meta.url), 'utf8'),
	'src/app.css'
);

/** Text, 4.5:1 (1.4.3): [text, background]. */
const TEXT: [string, string][] = [
	['text', 'background'],
	['text', 'surface'],
	['text', 'notice'],
	// Code in the exercise's editor, selected or at a matching bracket.
	['text', 'code-selection'],
	['text', 'code-match'],
	['muted', 'background'],
	['muted', 'surface'],
	['link', 'background'],
	['link', 'surface'],
	['problem', 'background'],
	['problem', 'surface'],
	// Done and passed cells of the tutor's grid are symbols in this colour.
	['accent', 'background'],
	['accent', 'surface'],
	['warning', 'background'],
	['on-brand', 'brand'],
	// The Offline badge in the header.
	['brand', 'on-brand'],
	// A danger button.
	['background', 'problem'],
	// A picture's words on its right (good) and wrong (bad) badges are paper-coloured.
	['background', 'picture-good']
];

/** Parts of the interface and marks that carry meaning, 3:1 (1.4.11): [mark, next to]. */
const MARKS: [string, string][] = [
	['border', 'background'],
	['border', 'surface'],
	['text', 'background'],
	['accent', 'background'],
	['accent', 'surface'],
	['problem', 'background'],
	['success', 'background'],
	['warning', 'background'],
	['warning', 'notice'],
	// A picture's marks (its classes good, bad, accent) on the page and on its soft shapes.
	['picture-good', 'background'],
	['picture-good', 'surface'],
	['problem', 'surface'],
	['picture-accent-line', 'background'],
	['picture-accent-line', 'surface']
];

/**
 * Fills drawn only inside an outline of another token, which carries the contrast: a
 * picture's filled accent shapes keep their accent line (yellow inside black in high contrast).
 */
const OUTLINED = ['picture-accent-fill'];

/** Focus is a yellow ring around a dark one: one of them must reach 3:1 on each background. */
const FOCUS_ON = ['background', 'surface', 'brand', 'notice'];

/** Lines that only separate or decorate: no contrast is required of them. */
const DECORATIVE = ['track', 'rule'];

/**
 * Grounds for what is not ours to check: a dialog's backdrop only dims the page behind it, and
 * the learner's own page (an exercise's preview) holds only the colours the learner wrote.
 */
const UNDERLAYS = ['backdrop', 'learner-page'];

function ratio(tokens: Tokens, foreground: string, background: string): number {
	const colour = (name: string) => {
		const value = tokens[name];
		if (value === undefined) throw new Error(`no --${name} token in src/app.css`);
		return new Color(value);
	};
	return Math.round(colour(foreground).contrast(colour(background), 'WCAG21') * 100) / 100;
}

describe.each(THEMES)('colour tokens meet WCAG AA in the %s theme', (theme) => {
	const tokens = themes[theme];

	it.each(TEXT)('text --%s on --%s: 4.5:1', (foreground, background) => {
		expect(ratio(tokens, foreground, background)).toBeGreaterThanOrEqual(4.5);
	});

	it.each(MARKS)('mark --%s next to --%s: 3:1', (mark, background) => {
		expect(ratio(tokens, mark, background)).toBeGreaterThanOrEqual(3);
	});

	it.each(FOCUS_ON)('focus ring on --%s: 3:1', (background) => {
		const best = Math.max(
			ratio(tokens, 'focus', background),
			ratio(tokens, 'focus-inner', background)
		);
		expect(best).toBeGreaterThanOrEqual(3);
	});

	it('has only colours that parse', () => {
		for (const [name, value] of Object.entries(tokens)) {
			expect(() => new Color(value), `--${name}: ${value}`).not.toThrow();
		}
	});
});

it('checks every token: each is in a pair above or named decorative', () => {
	const checked = new Set([
		...[...TEXT, ...MARKS].flat(),
		...FOCUS_ON,
		'focus',
		'focus-inner',
		...OUTLINED,
		...DECORATIVE,
		...UNDERLAYS
	]);
	expect(Object.keys(themes.light).filter((name) => !checked.has(name))).toEqual([]);
});
