import { Linter } from 'eslint';
import svelteParser from 'svelte-eslint-parser';
import { describe, expect, it } from 'vitest';
import rule from './no-literal-text.js';

function lint(code: string): string[] {
	const linter = new Linter({ configType: 'flat' });
	return linter
		.verify(
			code,
			[
				{
					files: ['**/*.svelte'],
					languageOptions: { parser: svelteParser },
					plugins: { clyde: { rules: { 'no-literal-text': rule } } },
					rules: { 'clyde/no-literal-text': ['error', { allow: ['Clyde'] }] }
				}
			],
			'Screen.svelte'
		)
		.map((m) => m.message);
}

describe('clyde/no-literal-text', () => {
	it('reports words in text and in the attributes a learner hears or reads', () => {
		expect(lint('<p>Hello there</p>')).toHaveLength(1);
		expect(lint('<button aria-label="Close">×</button>')).toHaveLength(1);
		expect(lint('<img alt="A cat" src="a.png" />')).toHaveLength(1);
		expect(lint('<input placeholder="Your name" />')).toHaveLength(1);
		expect(lint('<p>Witaj w domu</p>')[0]).toMatch(/"Witaj w domu" is shown to learners/);
	});

	it('accepts messages, symbols, numbers and allowed names', () => {
		expect(lint("<script>const t = (k) => k;</script><p>{t('hello')}</p>")).toEqual([]);
		expect(lint('<p><span aria-hidden="true">✔</span> · 100% →</p>')).toEqual([]);
		expect(lint('<a class="brand" href="/">Clyde</a>')).toEqual([]);
		expect(lint('<style>p { color: red; }</style><p>{1}</p>')).toEqual([]);
	});
});
