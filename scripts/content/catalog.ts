import type { Level, Quiz } from '../../src/lib/content/types';
import type { CompiledMedia } from './pictures';

/** A lesson as published: rendered, sanitised HTML plus its Markdown source and quiz. */
export interface CompiledLesson {
	id: string;
	slug: string;
	position: number;
	file: string;
	title: string;
	summary: string;
	minutes: number;
	level: Level;
	outcomes: string[];
	/** Essential Digital Skills statement codes (src/lib/skills/edsf.ts); empty if untagged. */
	skills: string[];
	source: string;
	html: string;
	quiz: Quiz | null;
	/** The hashes of the pictures its HTML places, in order; the pictures are its pathway's. */
	media: string[];
	/** sha256 of everything above but `file`, and of the module it sits in. */
	hash: string;
}

export interface CompiledModule {
	id: string;
	slug: string;
	position: number;
	file: string;
	title: string;
	summary: string;
	outcomes: string[];
	introHtml: string;
	hash: string;
	lessons: CompiledLesson[];
}

export interface CompiledPathway {
	id: string;
	slug: string;
	position: number;
	file: string;
	title: string;
	summary: string;
	level: Level;
	outcomes: string[];
	introHtml: string;
	/** sha256 of everything above but `file`: not of its modules, nor of its pictures. */
	hash: string;
	modules: CompiledModule[];
	/** Every picture its lessons place, once each: published as separate resources. */
	media: CompiledMedia[];
}
