import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findColours } from './find-colours';

const SRC = new URL('../..', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return files(path);
		return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
	});
}

describe('findColours', () => {
	it('finds hex, functions and named colours in CSS declarations, with their lines', () => {
		const css = `a {\n\tcolor: #b00020;\n\tborder: 1px solid white;\n\tbackground: rgb(0 0 0 / 50%);\n}`;
		expect(findColours(css, true)).toEqual([
			{ line: 2, colour: '#b00020' },
			{ line: 3, colour: 'white' },
			{ line: 4, colour: 'rgb(0 0 0 / 50%)' }
		]);
	});

	it('lets tokens, token definitions and colour keywords through', () => {
		const css = `:root { --text: light-dark(#111111, #eeeeee); }
a { color: var(--text); fill: currentColor; background: transparent; border: 0 solid; }
#main, .x:hover { outline: none; }`;
		expect(findColours(css, true)).toEqual([]);
	});

	it("looks in a component's <style> and in its SVG and style attributes, not its text", () => {
		const svelte = `<p>A black cat on a red mat.</p>
<circle fill="none" stroke="var(--track)" />
<rect fill="#fff" />
<span style="color: red">x</span>
<style>
	.error { color: #b00020; }
</style>`;
		expect(findColours(svelte, false)).toEqual([
			{ line: 6, colour: '#b00020' },
			{ line: 3, colour: '#fff' },
			{ line: 4, colour: 'red' }
		]);
	});
});

it('no component or style sheet hard-codes a colour: every colour is a token of app.css', () => {
	const found = files(SRC).flatMap((path) =>
		findColours(readFileSync(path, 'utf8'), path.endsWith('.css')).map(
			({ line, colour }) => `${relative(SRC, path)}:${line}: ${colour}`
		)
	);
	expect(found).toEqual([]);
});
