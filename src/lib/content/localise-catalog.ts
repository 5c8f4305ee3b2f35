import type { CatalogModule, CatalogPathway } from './catalog-types';
import { languageOf } from './lesson-language';

/**
 * The catalog as a learner reading `locale` sees it: each pathway's, module's and lesson's
 * title and summary (and a pathway's outcomes and introduction) in their language where the
 * phone has them, else English. Everything else (ids, hashes, translations) stays as stored,
 * so downloads still choose each lesson's language from `translations`. Pure, so every screen
 * reads the same words from one place.
 */
export function localiseCatalog(pathways: CatalogPathway[], locale: string): CatalogPathway[] {
	const language = languageOf(locale);
	if (language === 'en') return pathways;
	return pathways.map((pathway) => {
		const words = pathway.translations?.[language];
		return {
			...pathway,
			...(words && {
				title: words.title,
				summary: words.summary,
				outcomes: words.outcomes,
				introHtml: words.introHtml
			}),
			modules: pathway.modules.map((module) => localiseModule(module, language))
		};
	});
}

function localiseModule(module: CatalogModule, language: string): CatalogModule {
	const words = module.translations?.[language];
	return {
		...module,
		...(words && { title: words.title, summary: words.summary }),
		lessons: module.lessons.map((lesson) => {
			const translated = lesson.translations?.[language];
			return translated
				? { ...lesson, title: translated.title, summary: translated.summary }
				: lesson;
		})
	};
}

/** The language a pathway's or module's words are shown in to a learner reading `locale`. */
export function wordsLanguage(
	item: Pick<CatalogPathway | CatalogModule, 'translations'>,
	locale: string
): string {
	const language = languageOf(locale);
	return item.translations?.[language] ? language : 'en';
}
