import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { direction, pickLocale } from '$lib/i18n/locales';
import { Settings, type Theme } from './settings.svelte';

const script = readFileSync(
	new URL('../../../static/display-settings.js', import.meta.url),
	'utf8'
);

/** Runs static/display-settings.js in a fresh page with this storage and these languages. */
function run(stored: Record<string, string>, languages: string[]): HTMLElement {
	const dom = new JSDOM('<!doctype html><html lang="en-GB"><head></head></html>', {
		url: 'https://clyde.test/',
		runScripts: 'outside-only'
	});
	for (const [key, value] of Object.entries(stored)) dom.window.localStorage.setItem(key, value);
	Object.defineProperty(dom.window.navigator, 'languages', { value: languages });
	dom.window.eval(script);
	return dom.window.document.documentElement;
}

function saved(settings: Partial<Pick<Settings, 'textSize' | 'theme' | 'lowData'>>): string {
	const storage = new Map<string, string>();
	const store = new Settings({
		getItem: (key) => storage.get(key) ?? null,
		setItem: (key, value) => void storage.set(key, value)
	});
	Object.assign(store, settings);
	store.save();
	return storage.get('clyde-settings') as string;
}

describe('display-settings.js, the blocking script before the static frame paints', () => {
	it.each<[number, Theme, boolean]>([
		[100, 'system', false],
		[200, 'dark', true],
		[125, 'light', false],
		[150, 'contrast', true]
	])(
		'applies text size %i, theme %s and low data %s as the root layout does',
		(size, theme, low) => {
			const root = run({ 'clyde-settings': saved({ textSize: size, theme, lowData: low }) }, [
				'en'
			]);
			expect(root.style.fontSize).toBe(`${size}%`);
			expect(root.dataset.theme).toBe(theme);
			expect(root.classList.contains('low-data')).toBe(low);
		}
	);

	it.each([
		[null, ['ar-EG', 'en']],
		['ur', ['en-GB']],
		['pl', ['ar']],
		['en-XA', ['ur']],
		['xx', ['fr', 'ur-PK']],
		[null, ['fr']]
	])('gives the direction the app picks for saved %s and languages %j', (chosen, languages) => {
		const root = run(chosen ? { 'clyde-locale': chosen } : {}, languages);
		const locale = pickLocale(chosen, languages);
		expect(root.dir || 'ltr').toBe(direction(locale));
		if (direction(locale) === 'rtl') expect(root.lang).toBe(locale);
	});

	it('leaves the defaults when the stored settings are damaged', () => {
		const root = run({ 'clyde-settings': '{not json' }, ['en']);
		expect(root.dataset.theme).toBeUndefined();
		expect(root.style.fontSize).toBe('');
		expect(root.lang).toBe('en-GB');
	});
});
