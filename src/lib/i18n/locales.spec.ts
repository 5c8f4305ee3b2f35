import { describe, expect, it } from 'vitest';
import { direction, pickLocale } from './locales';

describe('pickLocale', () => {
	it('keeps the learner’s own choice over the browser’s', () => {
		expect(pickLocale('ar', ['pl-PL', 'en'])).toBe('ar');
		expect(pickLocale('en-XA', ['pl'])).toBe('en-XA');
	});

	it('takes the first browser language Clyde has, by its language part', () => {
		expect(pickLocale(null, ['de-DE', 'pl-PL', 'en-GB'])).toBe('pl');
		expect(pickLocale(undefined, ['UR-pk'])).toBe('ur');
	});

	it('ignores a saved value it does not know, and falls back to English', () => {
		expect(pickLocale('xx', ['fr'])).toBe('en');
		expect(pickLocale(null, [])).toBe('en');
	});
});

describe('direction', () => {
	it('is right-to-left for Arabic and Urdu only', () => {
		expect(['en', 'pl', 'ur', 'ar', 'ar-SY', 'en-XA'].map(direction)).toEqual([
			'ltr',
			'ltr',
			'rtl',
			'rtl',
			'rtl',
			'ltr'
		]);
	});
});
