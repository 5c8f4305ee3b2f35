import { describe, expect, it } from 'vitest';
import { readThemeTokens } from './read-tokens';

describe('readThemeTokens', () => {
	it('reads light and dark from light-dark(), and plain tokens for both', () => {
		const css = `:root {
	color-scheme: light dark;
	--text: light-dark(#111111, #eeeeee);
	--brand: #0b5563;
	--mixed: light-dark(rgb(1, 2, 3), hsl(0 0% 50%));
	font-family: system-ui;
}`;
		const themes = readThemeTokens(css);
		expect(themes.light).toEqual({ text: '#111111', brand: '#0b5563', mixed: 'rgb(1, 2, 3)' });
		expect(themes.dark).toEqual({ text: '#eeeeee', brand: '#0b5563', mixed: 'hsl(0 0% 50%)' });
		expect(themes.contrast).toEqual(themes.light);
	});

	it('lays the high-contrast overrides over the light tokens', () => {
		const css = `:root { --text: light-dark(#111111, #eeeeee); --link: #0b5563; }
:root[data-theme="contrast"] { color-scheme: light; --link: #0000c8; }`;
		expect(readThemeTokens(css).contrast).toEqual({ text: '#111111', link: '#0000c8' });
	});

	it('ignores comments and rules that are not themes', () => {
		const css = `/* --text: red; */
:root { --text: #111111; /* the body text */ }
@media print { .no-print { display: none; } }
a { color: var(--text); }`;
		expect(readThemeTokens(css).dark).toEqual({ text: '#111111' });
	});

	it('refuses a dark colour written a second time in the dark theme, naming its line', () => {
		const css = `:root {
	--text: light-dark(#111111, #eeeeee);
}
:root[data-theme='dark'] {
	color-scheme: dark;
	--text: #ffffff;
}`;
		expect(() => readThemeTokens(css, 'src/app.css')).toThrow(
			"src/app.css:6: --text is set in :root[data-theme='dark']: write both colours once in :root, as light-dark(light, dark)"
		);
	});

	it('refuses a light-dark() without two colours', () => {
		const css = `:root {\n\t--text: light-dark(#111111);\n}`;
		expect(() => readThemeTokens(css)).toThrow(
			'app.css:2: --text has a light-dark() without exactly two colours'
		);
	});

	it('refuses a high-contrast token that :root does not have, or that is light-dark()', () => {
		const typo = `:root { --text: #111111; }\n:root[data-theme='contrast'] { --txet: #000000; }`;
		expect(() => readThemeTokens(typo)).toThrow(
			'app.css:2: --txet in the high-contrast theme is not a token of :root'
		);
		const both = `:root { --text: #111111; }\n:root[data-theme='contrast'] {\n --text: light-dark(#000000, #ffffff); }`;
		expect(() => readThemeTokens(both)).toThrow(
			'app.css:3: --text in the high-contrast theme must be one colour, not light-dark()'
		);
	});

	it('refuses a sheet with no tokens', () => {
		expect(() => readThemeTokens('body { margin: 0; }', 'src/app.css')).toThrow(
			'src/app.css: no colour tokens in :root'
		);
	});
});
