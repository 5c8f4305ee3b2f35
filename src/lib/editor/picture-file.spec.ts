import { describe, expect, it } from 'vitest';
import { isPictureFile, pictureFileFor } from './picture-file';

const lesson = '01-de/02-safe/03-scams.md';

describe('a new picture’s file', () => {
	it('is named from the first six words of its alt text, in the module’s images folder', () => {
		expect(
			pictureFileFor(lesson, 'A phone’s Wi-Fi settings, with “Home” ticked and more', 'webp', [])
		).toEqual({
			src: 'images/a-phone-s-wi-fi-settings.webp',
			file: '01-de/02-safe/images/a-phone-s-wi-fi-settings.webp'
		});
	});

	it('is made unique among the module’s pictures, whatever their type', () => {
		const existing = [
			'01-de/02-safe/images/router.svg',
			'01-de/02-safe/images/router-2.webp',
			'01-de/03-other/images/router-3.webp'
		];
		expect(pictureFileFor(lesson, 'Router', 'jpg', existing).src).toBe('images/router-3.jpg');
	});

	it('is "picture" when the alt text has no letters or numbers to name it by', () => {
		expect(pictureFileFor(lesson, '“…”', 'svg', []).src).toBe('images/picture.svg');
	});

	it('tells picture drafts from Markdown drafts', () => {
		expect(isPictureFile('01-de/02-safe/images/router-2.webp')).toBe(true);
		expect(isPictureFile('01-de/02-safe/03-scams.md')).toBe(false);
		expect(isPictureFile('01-de/images/router.webp')).toBe(false);
	});
});
