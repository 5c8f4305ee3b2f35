import type { Level, Quiz } from '../../src/lib/content/types';
import { checkBody } from './check-body';
import type { ContentFiles } from './content-files';
import { FileReport, sortDiagnostics, type Diagnostic } from './diagnostics';
import type { PlacedExercise } from './exercise';
import { readFrontmatter } from './frontmatter';
import { renderContent } from './links';
import type { Sanitiser } from './sanitize';
import { lessonFrontmatter, translationFrontmatter, type LessonFrontmatter } from './schemas';
import { translationOf } from './translation-file';

export interface SourceContext {
	/** The pathway's level, for a lesson that names none. */
	level: Level;
	files: ContentFiles;
	sanitiser: Sanitiser;
}

export interface CheckedLesson {
	/** Every problem, sorted by line and column; none when the lesson is fine. */
	problems: Diagnostic[];
	/** The frontmatter, when it has no errors; a translation's has its `status` too. */
	meta?: LessonFrontmatter & { status?: string };
	head: string;
	body: string;
	/** Where the `id:` line is, for a duplicate-id error. */
	idOffset: number;
	/** The body as learners get it: rendered and sanitised. */
	html: string;
	/** The hashes of the pictures `html` places, in order (none where `files` knows no hashes). */
	media: string[];
	quiz: Quiz | null;
	/** Its ```exercise blocks, checked but not yet run (verify-exercises.ts runs them). */
	exercises: PlacedExercise[];
}

/**
 * Checks and renders one lesson file: what `content:check` says of it and what learners
 * would see, from its text alone and what `context` knows of the other files. Pure and
 * fast enough to run on every keystroke in an editor; `content:check` runs it on each file.
 */
export function checkLessonSource(
	path: string,
	text: string,
	context: SourceContext
): CheckedLesson {
	const report = new FileReport(path, text);
	try {
		const schema = translationOf(path) ? translationFrontmatter : lessonFrontmatter;
		const doc = readFrontmatter<LessonFrontmatter & { status?: string }>(text, schema, report);
		if (!doc) return unreadable(report);
		const { quiz, exercises } = checkBody(doc.body, {
			...context.files,
			file: path,
			bodyOffset: doc.bodyOffset,
			report,
			level: doc.meta?.level ?? context.level,
			isLesson: true,
			sanitiser: context.sanitiser
		});
		const { html, media } = renderContent(path, doc.body, context.files, context.sanitiser);
		return {
			problems: sortDiagnostics(report.diagnostics),
			meta: doc.meta,
			head: doc.head,
			body: doc.body,
			idOffset: doc.idOffset,
			html,
			media,
			quiz: quiz ?? null,
			exercises: exercises ?? []
		};
	} catch (error) {
		report.error(0, internalError(error));
		return unreadable(report);
	}
}

function unreadable(report: FileReport): CheckedLesson {
	return {
		problems: report.diagnostics,
		head: '',
		body: '',
		idOffset: 0,
		html: '',
		media: [],
		quiz: null,
		exercises: []
	};
}

/**
 * What an editor is told when the checker itself fails on a file: never a stack trace. The
 * fuzz tests (check-fuzz.spec.ts) look for this message and fail if they find it.
 */
export function internalError(error: unknown): string {
	const reason = error instanceof Error ? error.message : String(error);
	return `the checker could not read this file (${reason.slice(0, 200)}): please send the file to the Clyde team`;
}
