import Color from 'colorjs.io';

/**
 * Colours written out in a component or style sheet, with their lines: every colour on screen
 * should be a token (app.css), so a test can hold each pair to WCAG AA in every theme.
 * Looks at CSS declarations (in <style> blocks or a .css file) and at SVG and style attributes.
 */

export interface FoundColour {
	line: number;
	colour: string;
}

const FUNCTIONS = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|light-dark)\([^)]*\)/gi;
const KEYWORDS = new Set(['transparent', 'currentcolor', 'inherit', 'initial', 'unset', 'none']);
const DECLARATION = /([a-z-]+)\s*:\s*([^;{}]+)/gi;
const ATTRIBUTE = /\b(fill|stroke|stop-color|flood-color|color|bgcolor|style)="([^"]*)"/gi;

/** Colours in `source`; `css` says whether the whole text is CSS or a Svelte component. */
export function findColours(source: string, css: boolean): FoundColour[] {
	const found: FoundColour[] = [];
	const add = (text: string, at: number) => {
		const line = source.slice(0, at).split('\n').length;
		for (const match of text.matchAll(FUNCTIONS)) found.push({ line, colour: match[0] });
		for (const word of text.replace(FUNCTIONS, ' ').split(/[\s,()/]+/)) {
			if (word && !KEYWORDS.has(word.toLowerCase()) && isColour(word)) {
				found.push({ line, colour: word });
			}
		}
	};
	const scanCss = (text: string, offset: number) => {
		const plain = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));
		for (const match of plain.matchAll(DECLARATION)) {
			const [, property = '', value = ''] = match;
			// A token's own definition is where a colour belongs.
			if (!property.startsWith('--')) add(value, offset + (match.index ?? 0));
		}
	};
	if (css) {
		scanCss(source, 0);
		return found;
	}
	for (const match of source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
		scanCss(match[1] ?? '', (match.index ?? 0) + match[0].indexOf('>') + 1);
	}
	const markup = source.replace(/<style[^>]*>[\s\S]*?<\/style>/g, (s) => s.replace(/[^\n]/g, ' '));
	for (const match of markup.matchAll(ATTRIBUTE)) {
		const [, name = '', value = ''] = match;
		if (name === 'style') scanCss(value, match.index ?? 0);
		else add(value, match.index ?? 0);
	}
	return found;
}

function isColour(word: string): boolean {
	if (/^-?[\d.]/.test(word) || word.startsWith('var')) return false;
	try {
		new Color(word);
		return true;
	} catch {
		return false;
	}
}
