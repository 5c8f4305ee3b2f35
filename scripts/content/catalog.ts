import type { Level, Quiz } from '../../src/lib/content/types';
import type { Exercise } from '../../src/lib/exercises/types';
import type { CompiledMedia } from './pictures';

/**
 * What every published item keeps of its file, so that `content:export` can write the file
 * back byte for byte: its path in content/, the frontmatter as written, and the body.
 */
interface SourceFile {
	/** Path relative to content/: "01-de/02-safe/01-passwords.md". */
	file: string;
	/** The file's text before the body: the frontmatter between its "---" lines. */
	head: string;
	/** The Markdown body (for a lesson, its quiz block too). */
	source: string;
}

/** A lesson as published: rendered, sanitised HTML plus its Markdown source and quiz. */
export interface CompiledLesson extends SourceFile {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	minutes: number;
	level: Level;
	outcomes: string[];
	/** Essential Digital Skills statement codes (src/lib/skills/edsf.ts); empty if untagged. */
	skills: string[];
	html: string;
	quiz: Quiz | null;
	/** Its exercises; absent when it has none, so that the hashes of other lessons stay as they were. */
	exercises?: Exercise[];
	/** The hashes of the pictures its HTML places, in order; the pictures are its pathway's. */
	media: string[];
	/**
	 * Its translations beside it ("01-passwords.pl.md"), by language code; absent when it has
	 * none, so that the hashes of other lessons stay as they were.
	 */
	translations?: Record<string, CompiledTranslation>;
	/** sha256 of everything above and of the id of the module it sits in. */
	hash: string;
}

/**
 * A lesson in another language: its words; what is not words (minutes, level, skills, the
 * quiz's answers, exercises' checks) is the original's, checked by check-translation.ts.
 */
export interface CompiledTranslation extends SourceFile {
	title: string;
	summary: string;
	outcomes: string[];
	/** "draft…" until a speaker has reviewed it, then "reviewed by <name>, <date>". */
	status: string;
	html: string;
	quiz: Quiz | null;
	exercises?: Exercise[];
	media: string[];
	/** sha256 of everything above and of the original's hash: what a phone compares. */
	hash: string;
}

/**
 * A pathway.md's or module.md's translation ("pathway.pl.md"): its words. Its id, level and
 * number of outcomes are the original's (compile-intro-translations.ts checks them).
 */
export interface CompiledIntroTranslation extends SourceFile {
	title: string;
	summary: string;
	outcomes: string[];
	/** "draft…" until a speaker has reviewed it, then "reviewed by <name>, <date>". */
	status: string;
	introHtml: string;
}

export interface CompiledModule extends SourceFile {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	outcomes: string[];
	introHtml: string;
	/** Its module.md's translations, by language code; absent when it has none (hashes stay). */
	translations?: Record<string, CompiledIntroTranslation>;
	hash: string;
	lessons: CompiledLesson[];
}

export interface CompiledPathway extends SourceFile {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	level: Level;
	outcomes: string[];
	introHtml: string;
	/** Its pathway.md's translations, by language code; absent when it has none (hashes stay). */
	translations?: Record<string, CompiledIntroTranslation>;
	/** sha256 of everything above but `file`: not of its modules, nor of its pictures. */
	hash: string;
	modules: CompiledModule[];
	/** Every picture its lessons place, once each: published as separate resources. */
	media: CompiledMedia[];
}
