import type { Level } from '$lib/content/types';
import {
	checkLessonSource,
	type CheckedLesson,
	type SourceContext
} from '../../../scripts/content/check-lesson-source';
import { checkTranslation } from '../../../scripts/content/check-translation';
import { contentFiles } from '../../../scripts/content/content-files';
import { FileReport, sortDiagnostics } from '../../../scripts/content/diagnostics';
import { classify } from '../../../scripts/content/folders';
import type { Sanitiser } from '../../../scripts/content/sanitize';
import { translationOf } from '../../../scripts/content/translation-file';
import type { EditorFiles } from './editor-client';

export type { CheckedLesson };

const LEVELS: Level[] = ['beginner', 'intermediate', 'advanced'];

/** A pathway's `level:` as written in its pathway.md, which a lesson without one takes. */
function pathwayLevel(files: EditorFiles, lessonFile: string): Level {
	const pathway = files.markdown.get(`${lessonFile.split('/')[0]}/pathway.md`) ?? '';
	const level = /^level:[ \t]*(\w+)/m.exec(pathway)?.[1] as Level | undefined;
	return level && LEVELS.includes(level) ? level : 'beginner';
}

/**
 * `content:check` on one lesson as it is being typed, against the other files as the editor
 * has them: the shared checker (scripts/content/check-lesson-source.ts), same messages.
 * A lesson's translation ("01-passwords.pl.md") is checked as content:check checks it: as a
 * lesson, its name and language as the folder check sees them, and against its original.
 * With `pictureHash`, its figures name their pictures, for a preview that shows them.
 */
export function checkLesson(
	files: EditorFiles,
	file: string,
	text: string,
	sanitiser: Sanitiser,
	pictureHash?: (path: string) => string | undefined
): CheckedLesson {
	const markdown = new Map(files.markdown).set(file, text);
	const context: SourceContext = {
		level: pathwayLevel(files, file),
		files: contentFiles(markdown, files.assets, pictureHash),
		sanitiser
	};
	const checked = checkLessonSource(file, text, context);
	const translation = translationOf(file);
	if (!translation) return checked;
	const report = new FileReport(file, text);
	// The folder check of content:check, on this module's files: a language the screens do not
	// speak, or no original beside it. Only this file's messages are kept.
	const moduleDir = file.split('/').slice(0, 2).join('/');
	classify(
		[...markdown.keys()].filter((f) => f.startsWith(`${moduleDir}/`)),
		(f) => (f === file ? report : new FileReport(f, ''))
	);
	const originalText = markdown.get(translation.original);
	if (originalText !== undefined) {
		const original = checkOriginal(translation.original, originalText, context);
		if (original.meta) {
			checkTranslation(
				{
					file: translation.original,
					meta: original.meta,
					quiz: original.quiz,
					exercises: original.exercises.map((placed) => placed.exercise)
				},
				checked,
				text,
				report
			);
		}
	}
	return { ...checked, problems: sortDiagnostics([...checked.problems, ...report.diagnostics]) };
}

// The original is checked again only when its text changes, not on each key typed in its translation.
let lastOriginal: { file: string; text: string; checked: CheckedLesson } | undefined;
function checkOriginal(file: string, text: string, context: SourceContext): CheckedLesson {
	if (lastOriginal?.file !== file || lastOriginal.text !== text)
		lastOriginal = { file, text, checked: checkLessonSource(file, text, context) };
	return lastOriginal.checked;
}
