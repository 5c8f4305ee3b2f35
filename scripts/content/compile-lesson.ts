import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson } from './catalog';
import { checkBody } from './check-body';
import { identity, type CompileContext } from './compile-context';
import { contentHash } from './content-hash';
import type { LessonEntry } from './folders';
import { lessonFrontmatter } from './schemas';

/**
 * One lesson file: its frontmatter, its body's checks and quiz, its HTML. Undefined when its
 * frontmatter is unusable (the reason is in its report). `level` is the pathway's, for a
 * lesson that names none; `moduleId` goes into the hash.
 */
export function compileLesson(
	context: CompileContext,
	entry: LessonEntry,
	level: Level,
	moduleId: string | undefined
): CompiledLesson | undefined {
	const { file } = entry;
	const doc = context.read(file, lessonFrontmatter);
	if (!doc) return undefined;
	context.claimId(doc.meta.id, file, doc.idOffset);
	const lessonLevel = doc.meta.level ?? level;
	const { quiz } = checkBody(doc.body, {
		...context.bodyContext(file, doc.bodyOffset),
		level: lessonLevel,
		allowQuiz: true,
		allowPictures: true
	});
	const { html, media } = context.render(file, doc.body);
	const lesson: Omit<CompiledLesson, 'hash'> = {
		...identity(entry, file, doc.meta),
		minutes: doc.meta.minutes,
		level: lessonLevel,
		outcomes: doc.meta.outcomes,
		skills: doc.meta.skills ?? [],
		source: doc.body,
		html,
		quiz: quiz ?? null,
		media
	};
	return { ...lesson, hash: contentHash(lesson, moduleId) };
}
