import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import {
	englishNote,
	lessonBytes,
	lessonLanguage,
	lessonTitle,
	wantedHash
} from './lesson-language';

const [translated, plain] = makePathway('p', 1, 2).modules[0]?.lessons ?? [];
if (!translated || !plain) throw new Error('no lessons');
translated.translations = { pl: { title: 'Lekcja', summary: 'Lekcja.', hash: 'pl1', bytes: 1500 } };

describe('a lesson in the learner’s language', () => {
	it('is the translation where there is one, else the English original', () => {
		expect(lessonLanguage(translated, 'pl')).toBe('pl');
		expect(lessonLanguage(translated, 'ar')).toBe('en');
		expect(lessonLanguage(plain, 'pl')).toBe('en');
		expect(lessonLanguage(translated, 'en-XA')).toBe('en');
		expect([wantedHash(translated, 'pl'), wantedHash(translated, 'en')]).toEqual(['pl1', 'h1']);
		expect([lessonBytes(translated, 'pl'), lessonBytes(plain, 'pl')]).toEqual([1500, 1000]);
		expect([lessonTitle(translated, 'pl'), lessonTitle(translated, 'ar')]).toEqual([
			'Lekcja',
			'Lesson 1.1'
		]);
	});

	it('says why a lesson is shown in English: not translated, or its translation not saved', () => {
		expect(englishNote(plain, { lang: 'en' }, 'pl')).toBe('untranslated');
		expect(englishNote(plain, {}, 'ar')).toBe('untranslated');
		expect(englishNote(translated, { lang: 'en' }, 'pl')).toBe('not-downloaded');
		expect(englishNote(translated, { lang: 'pl' }, 'pl')).toBeUndefined();
		expect(englishNote(plain, {}, 'en')).toBeUndefined();
		expect(englishNote(plain, {}, 'en-XA')).toBeUndefined();
	});
});
