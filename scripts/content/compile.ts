import type { CompiledLesson, CompiledPathway } from './catalog';
import { compileContext, type ContentInput, type FileExercise } from './compile-context';
import { compilePathway } from './compile-pathway';
import { sortDiagnostics, type Diagnostic } from './diagnostics';
import { classify } from './folders';
import { pictureType } from './picture-path';
import type { Sanitiser } from './sanitize';

export type { ContentInput } from './compile-context';

export interface CompiledContent {
	pathways: CompiledPathway[];
	/** Each pathway's pictures: how many, and their gzip size (the download they cost). */
	pictures: { pathway: string; count: number; gzipBytes: number }[];
	diagnostics: Diagnostic[];
	/** Per file, for the editor preview. */
	lessonsByFile: Map<string, CompiledLesson>;
	/** Every lesson's exercises, checked but not yet run (verify-exercises.ts). */
	exercises: FileExercise[];
}

/**
 * Turns the files of content/ into the published catalog, checking everything an editor can
 * get wrong. Pure: files in, catalog and diagnostics out; reading the disk is load.ts's job,
 * and the sanitiser is the browser's DOMPurify or Node's (node-sanitiser.ts). The steps go
 * folder by folder (compile-pathway → compile-module → compile-lesson), sharing one context
 * that collects the diagnostics and the ids seen so far.
 */
export function compileContent(input: ContentInput, sanitiser: Sanitiser): CompiledContent {
	const context = compileContext(input, sanitiser);
	const pathways: CompiledPathway[] = [];
	const lessonsByFile = new Map<string, CompiledLesson>();
	for (const [file, { offset, line }] of input.notUtf8 ?? []) {
		context
			.reportFor(file)
			.error(
				offset,
				`this file is not saved as UTF-8, so learners would see "�" instead of some letters ("${line.trim().slice(0, 60)}"). In your editor, save it again with the encoding UTF-8`
			);
	}
	const dirs = classify([...input.markdown.keys()], context.reportFor);
	for (const dir of dirs) {
		const { pathway, lessons } = compilePathway(context, dir);
		if (pathway) pathways.push(pathway);
		for (const lesson of lessons) lessonsByFile.set(lesson.file, lesson);
	}
	// Every picture is checked, even one that no lesson shows yet.
	for (const path of input.assets.keys()) if (pictureType(path)) context.picture(path);
	const diagnostics = sortDiagnostics(context.reports().flatMap((r) => r.diagnostics));
	const pictures = pathways.map((p) => ({
		pathway: p.file.split('/')[0] ?? p.file,
		count: p.media.length,
		gzipBytes: p.media.reduce((sum, m) => sum + m.gzipBytes, 0)
	}));
	return { pathways, pictures, diagnostics, lessonsByFile, exercises: context.exercises };
}
