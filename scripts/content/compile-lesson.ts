import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson } from './catalog';
import { checkLessonSource } from './check-lesson-source';
import { identity, type CompileContext } from './compile-context';
import { contentHash } from './content-hash';
import type { LessonEntry } from './folders';

/**
 * One lesson file: its frontmatter, its body's checks and quiz, its HTML. Undefined when its
 * frontmatter is unusable (the reasons are in its report, with its body's). `level` is the
 * pathway's, for a lesson that names none; `moduleId` goes into the hash.
 */
export function compileLesson(
	context: CompileContext,
	entry: LessonEntry,
	level: Level,
	moduleId: string | undefined
): CompiledLesson | undefined {
	const { file } = entry;
	const text = context.input.markdown.get(file) ?? '';
	const checked = checkLessonSource(file, text, {
		level,
		files: context.files,
		sanitiser: context.sanitiser
	});
	context.reportFor(file).diagnostics.push(...checked.problems);
	context.exercises.push(...checked.exercises.map((placed) => ({ file, placed })));
	const { meta } = checked;
	if (!meta) return undefined;
	context.claimId(meta.id, file, checked.idOffset);
	const lesson: Omit<CompiledLesson, 'hash'> = {
		...identity(entry, file, { meta, head: checked.head }),
		minutes: meta.minutes,
		level: meta.level ?? level,
		outcomes: meta.outcomes,
		skills: meta.skills ?? [],
		source: checked.body,
		html: checked.html,
		quiz: checked.quiz,
		...(checked.exercises.length > 0 && {
			exercises: checked.exercises.map((placed) => placed.exercise)
		}),
		media: checked.media
	};
	return { ...lesson, hash: contentHash(lesson, moduleId) };
}
