import { describe, expect, it } from 'vitest';
import { readingEase, sentences, words } from './readability';

describe('sentences', () => {
	it('splits at full stops, question and exclamation marks followed by a capital', () => {
		expect(sentences('Open the app. Is it on? Yes! Then press "Start".')).toEqual([
			'Open the app.',
			'Is it on?',
			'Yes!',
			'Then press "Start".'
		]);
	});

	it('does not split inside "e.g. this" or a version like 2.0', () => {
		expect(sentences('Use a browser, e.g. the one on your phone. HTML 5.2 is old.')).toHaveLength(
			2
		);
	});
});

describe('words', () => {
	it('keeps contractions and hyphenated words whole', () => {
		expect(words("Don't use a well-known password")).toEqual([
			"Don't",
			'use',
			'a',
			'well-known',
			'password'
		]);
	});
});

describe('readingEase', () => {
	it('scores short plain sentences high and long abstract ones low', () => {
		const plain = Array.from(
			{ length: 20 },
			() => 'You can use a phone to send a note to a friend.'
		);
		const dense = Array.from(
			{ length: 8 },
			() =>
				'Authentication mechanisms incorporating multifactor verification substantially diminish organisational vulnerability to credential compromise.'
		);
		expect(readingEase(plain)).toBeGreaterThan(80);
		expect(readingEase(dense)).toBeLessThan(10);
	});

	it('gives no score for too little text', () => {
		expect(readingEase(['Too short to judge.'])).toBeUndefined();
	});
});
