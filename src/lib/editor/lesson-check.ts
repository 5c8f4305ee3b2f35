import type { Level } from '$lib/content/types';
import {
	checkLessonSource,
	type CheckedLesson
} from '../../../scripts/content/check-lesson-source';
import { contentFiles } from '../../../scripts/content/content-files';
import type { Sanitiser } from '../../../scripts/content/sanitize';
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
	return checkLessonSource(file, text, {
		level: pathwayLevel(files, file),
		files: contentFiles(markdown, files.assets, pictureHash),
		sanitiser
	});
}
