import { describe, expect, it } from 'vitest';
import { formatMessage } from './format-message';

describe('formatMessage', () => {
	it('fills placeholders and writes numbers the language’s way', () => {
		expect(
			formatMessage('{n} of {total} for {name}', { n: 1250, total: 3, name: 'Ola' }, 'en-GB')
		).toBe('1,250 of 3 for Ola');
		expect(formatMessage('{n}', { n: 1250 }, 'pl')).toBe('1250');
		expect(formatMessage('{n}', { n: 12 }, 'ar-u-nu-latn')).toBe('12');
	});

	it('leaves a placeholder it has no value for, so a missing one shows in testing', () => {
		expect(formatMessage('Hello {name}', {}, 'en-GB')).toBe('Hello {name}');
	});

	it('chooses the plural form by the language’s rules', () => {
		const lessons = {
			one: '{count} lekcja',
			few: '{count} lekcje',
			many: '{count} lekcji',
			other: '{count} lekcji'
		};
		expect(formatMessage(lessons, { count: 1 }, 'pl')).toBe('1 lekcja');
		expect(formatMessage(lessons, { count: 3 }, 'pl')).toBe('3 lekcje');
		expect(formatMessage(lessons, { count: 5 }, 'pl')).toBe('5 lekcji');
		expect(formatMessage(lessons, { count: 22 }, 'pl')).toBe('22 lekcje');
		const arabic = { zero: 'z', one: 'o', two: 't', few: 'f', many: 'm', other: 'x' };
		expect([0, 1, 2, 3, 11, 100].map((count) => formatMessage(arabic, { count }, 'ar'))).toEqual([
			'z',
			'o',
			't',
			'f',
			'm',
			'x'
		]);
	});

	it('falls back to "other" for a form the file does not give, and without a count', () => {
		expect(formatMessage({ one: 'one', other: 'many' }, { count: 3 }, 'pl')).toBe('many');
		expect(formatMessage({ one: 'one', other: 'many' }, {}, 'en-GB')).toBe('many');
	});

	it('uses an explicit zero form in any language', () => {
		expect(
			formatMessage({ zero: 'none', one: 'one', other: '{count}' }, { count: 0 }, 'en-GB')
		).toBe('none');
	});
});
