import type { Level, Quiz } from '../../src/lib/content/types';

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
	html: string;
	quiz: Quiz | null;
	/** sha256 of everything above and of the id of the module it sits in. */
	hash: string;
}

export interface CompiledModule extends SourceFile {
	id: string;
	slug: string;
	position: number;
	title: string;
	summary: string;
	outcomes: string[];
	introHtml: string;
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
	hash: string;
	modules: CompiledModule[];
}
