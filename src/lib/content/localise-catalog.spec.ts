import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { CatalogPathway } from './catalog-types';
import { localiseCatalog, wordsLanguage } from './localise-catalog';

function polishPathway(): CatalogPathway {
	const pathway = makePathway('p', 2, 2);
	pathway.translations = {
		pl: {
			title: 'Ścieżka',
			summary: 'Po polsku.',
			outcomes: ['Uczyć się'],
			introHtml: '<p>Witaj.</p>'
		}
	};
	const [first] = pathway.modules;
	if (first) {
		first.translations = { pl: { title: 'Moduł 1', summary: 'Moduł.' } };
		const lesson = first.lessons[0];
		if (lesson)
			lesson.translations = {
				pl: { title: 'Lekcja 1.1', summary: 'Lekcja.', hash: 'h-pl', bytes: 900 }
			};
	}
	return pathway;
}

describe('localiseCatalog', () => {
	it('shows the words of the learner’s language where the phone has them, else English', () => {
		const [pathway] = localiseCatalog([polishPathway()], 'pl');
		expect(pathway).toMatchObject({
			title: 'Ścieżka',
			summary: 'Po polsku.',
			outcomes: ['Uczyć się'],
			introHtml: '<p>Witaj.</p>'
		});
		expect(pathway?.modules.map((m) => m.title)).toEqual(['Moduł 1', 'Module 2']);
		expect(pathway?.modules[0]?.lessons.map((l) => [l.title, l.summary, l.hash])).toEqual([
			['Lekcja 1.1', 'Lekcja.', 'h1'],
			['Lesson 1.2', 'A lesson.', 'h1']
		]);
		// What a download chooses by stays as stored.
		expect(pathway?.modules[0]?.lessons[0]?.translations?.pl?.hash).toBe('h-pl');
	});

	it('is English for English, the test language and a language the phone has no words in', () => {
		const stored = [polishPathway()];
		expect(localiseCatalog(stored, 'en')).toBe(stored);
		expect(localiseCatalog(stored, 'en-XA')).toBe(stored);
		const [arabic] = localiseCatalog(stored, 'ar');
		expect(arabic?.title).toBe('Pathway p');
		expect(arabic?.modules[0]?.title).toBe('Module 1');
		expect(arabic?.modules[0]?.lessons[0]?.title).toBe('Lesson 1.1');
	});

	it('says which language a pathway’s or module’s words are in', () => {
		const pathway = polishPathway();
		expect(wordsLanguage(pathway, 'pl')).toBe('pl');
		expect(wordsLanguage(pathway, 'ur')).toBe('en');
		expect(wordsLanguage(pathway.modules[1] as CatalogPathway['modules'][number], 'pl')).toBe('en');
	});
});
