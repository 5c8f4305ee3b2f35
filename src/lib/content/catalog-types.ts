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
}

export interface CatalogModule {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	lessons: CatalogLesson[];
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
	/** About how many bytes the lesson's HTML and quiz take. */
	bytes: number;
}

/** A whole lesson, as GET /api/clyde/lessons answers and IndexedDB keeps it. */
export interface StoredLesson {
	id: string;
	pathway: string;
	module: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	minutes: number;
	level: Level;
	outcomes: string[];
	html: string;
	quiz: Quiz | null;
	hash: string;
	version: number;
}
