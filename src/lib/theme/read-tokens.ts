/**
 * Reads the colour tokens of app.css for each theme, so a test can check their contrast.
 * The sheet's shape is fixed on purpose (docs/styles.md): tokens in `:root`, light and dark
 * written once as `light-dark(light, dark)`, and plain overrides in the high-contrast theme.
 * Anything else is an error that names its line, so a token the test cannot read never
 * passes unchecked.
 */

export const THEMES = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];
/** Token name without its dashes (`text` for `--text`) → its colour as written. */
export type Tokens = Record<string, string>;

const ROOT = ':root';
const CONTRAST = ":root[data-theme='contrast']";
/** Themes that only choose a `color-scheme`; their colours come from light-dark(). */
const SCHEMES = [":root[data-theme='light']", ":root[data-theme='dark']"];

interface Declaration {
	name: string;
	value: string;
	line: number;
}

export function readThemeTokens(css: string, file = 'app.css'): Record<ThemeName, Tokens> {
	const light: Tokens = {};
	const dark: Tokens = {};
	const contrast: Declaration[] = [];
	const fail = (line: number, message: string) => new Error(`${file}:${line}: ${message}`);

	for (const { selector, declarations } of rules(css)) {
		const tokens = declarations.filter((d) => d.name.startsWith('--'));
		if (selector === ROOT) {
			for (const { name, value, line } of tokens) {
				const pair = lightDark(value);
				if (pair === 'malformed') {
					throw fail(line, `${name} has a light-dark() without exactly two colours`);
				}
				light[name.slice(2)] = pair ? pair[0] : value;
				dark[name.slice(2)] = pair ? pair[1] : value;
			}
		} else if (selector === CONTRAST) {
			contrast.push(...tokens);
		} else if (SCHEMES.includes(selector) && tokens[0]) {
			throw fail(
				tokens[0].line,
				`${tokens[0].name} is set in ${selector}: write both colours once in :root, as light-dark(light, dark)`
			);
		}
	}
	if (Object.keys(light).length === 0) throw new Error(`${file}: no colour tokens in :root`);

	const high: Tokens = { ...light };
	for (const { name, value, line } of contrast) {
		if (!(name.slice(2) in light)) {
			throw fail(line, `${name} in the high-contrast theme is not a token of :root`);
		}
		if (lightDark(value) !== null) {
			throw fail(line, `${name} in the high-contrast theme must be one colour, not light-dark()`);
		}
		high[name.slice(2)] = value;
	}
	return { light, dark, contrast: high };
}

/** The innermost rule blocks, with each declaration's line (comments blanked, lines kept). */
function* rules(css: string): Generator<{ selector: string; declarations: Declaration[] }> {
	const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
	for (const match of text.matchAll(/([^{};]*)\{([^{}]*)\}/g)) {
		const [, selector = '', body = ''] = match;
		let offset = (match.index ?? 0) + selector.length + 1;
		const declarations: Declaration[] = [];
		for (const part of body.split(';')) {
			const colon = part.indexOf(':');
			if (colon > 0) {
				const lead = part.length - part.trimStart().length;
				declarations.push({
					name: part.slice(0, colon).trim(),
					value: part.slice(colon + 1).trim(),
					line: lineOf(text, offset + lead)
				});
			}
			offset += part.length + 1;
		}
		yield { selector: selector.trim().replace(/"/g, "'"), declarations };
	}
}

function lineOf(text: string, index: number): number {
	return text.slice(0, index).split('\n').length;
}

/** [light, dark] of a light-dark() value; null for any other value. */
function lightDark(value: string): [string, string] | 'malformed' | null {
	const inner = /^light-dark\((.*)\)$/s.exec(value)?.[1];
	if (inner === undefined) return null;
	// Split on the commas between the two colours, not those inside rgb() and the like.
	const parts = [''];
	let depth = 0;
	for (const char of inner) {
		if (char === '(') depth += 1;
		if (char === ')') depth -= 1;
		if (char === ',' && depth === 0) parts.push('');
		else parts[parts.length - 1] += char;
	}
	const [first, second] = parts.map((part) => part.trim());
	return parts.length === 2 && first && second ? [first, second] : 'malformed';
}
