import type { Exercise } from '../exercises/types';
import type { Level, Quiz } from './types';

/** What GET /api/clyde/catalog answers: published pathways without lesson bodies. */
export interface Catalog {
	seq: number;
	pathways: CatalogPathway[];
}

export interface CatalogPathway {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	level: Level;
	outcomes: string[];
	introHtml: string;
	modules: CatalogModule[];
	/**
	 * Its words in the language the catalog was asked in (`?lang=pl`), keyed by that language;
	 * absent in English, when it has no translation, and from a catalog stored before.
	 */
	translations?: Record<string, PathwayWords>;
}

/** A pathway's or module's words in another language; a module's have no outcomes or intro. */
export interface IntroWords {
	title: string;
	summary: string;
}
export interface PathwayWords extends IntroWords {
	outcomes: string[];
	introHtml: string;
}

export interface CatalogModule {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	lessons: CatalogLesson[];
	/** Its words in the language the catalog was asked in, as a pathway's. */
	translations?: Record<string, IntroWords>;
}

export interface CatalogLesson {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	minutes: number;
	/**
	 * Essential Digital Skills statement codes (src/lib/skills/edsf.ts). Absent in a catalog
	 * stored before lessons carried them, until the next publish refreshes it.
	 */
	skills?: string[];
	hash: string;
	version: number;
	/**
	 * Its exercises' ids, in order: each must be passed for the lesson to be done
	 * (src/lib/progress/lesson-state.ts). Absent from a catalog stored before the catalog
	 * carried them, and for a lesson without exercises.
	 */
	exercises?: string[];
	/** Their titles, in the same order (absent from a catalog stored before it carried them). */
	exerciseTitles?: string[];
	/** About how many bytes the lesson's HTML and quiz take. */
	bytes: number;
	/**
	 * The pictures it places, in order. Absent from a catalog stored before pictures were
	 * separate resources (the next catalog refresh brings them).
	 */
	media?: MediaRef[];
	/**
	 * The languages it is translated into, by code ("pl"); absent when it has none, and from a
	 * catalog stored before lessons had translations.
	 */
	translations?: Record<string, CatalogTranslation>;
}

/** A lesson's translation as the catalog lists it: what the lists show and a download costs. */
export interface CatalogTranslation {
	title: string;
	summary: string;
	/** What the phone compares with the `hash` of the lesson it keeps in this language. */
	hash: string;
	bytes: number;
}

export type MediaType = 'svg' | 'png' | 'jpeg' | 'webp' | 'gif';

/** A picture a lesson places: its hash, its type and about how many bytes downloading it costs. */
export interface MediaRef {
	hash: string;
	type: MediaType;
	bytes: number;
}

/** A picture as GET /api/clyde/media answers it: an SVG's text, or a raster picture in base64. */
export interface MediaItem {
	hash: string;
	type: MediaType;
	data: string;
}

/** A picture kept on the phone, for the pathway it was downloaded with. */
export interface StoredMedia extends MediaItem {
	pathway: string;
}

/** A whole lesson, as GET /api/clyde/lessons answers and IndexedDB keeps it. */
export interface StoredLesson {
	id: string;
	pathway: string;
	module: string;
	title: string;
	minutes: number;
	html: string;
	quiz: Quiz | null;
	/** Its exercises; absent from a lesson stored before lessons had them. */
	exercises?: Exercise[];
	/** Its pictures; absent from a lesson stored before pictures were separate resources. */
	media?: MediaRef[];
	/** The lesson's hash, or its translation's when it is in another language. */
	hash: string;
	/** The language its words are in ("pl"); absent from a lesson stored before translations: English. */
	lang?: string;
}
