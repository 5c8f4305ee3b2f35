import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson, CompiledTranslation } from './catalog';
import { checkLessonSource, type CheckedLesson } from './check-lesson-source';
import { checkTranslation } from './check-translation';
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
	if (!meta) {
		// Its translations are checked all the same, so that their problems show in the same run.
		for (const file of entry.translations.values()) compileTranslation(context, file, level);
		return undefined;
	}
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
	const hash = contentHash(lesson, moduleId);
	const translations: Record<string, CompiledTranslation> = {};
	for (const [language, translationFile] of entry.translations) {
		const translation = compileTranslation(context, translationFile, level, {
			file,
			meta,
			quiz: checked.quiz,
			exercises: checked.exercises.map((placed) => placed.exercise)
		});
		if (translation)
			translations[language] = { ...translation, hash: contentHash(translation, hash) };
	}
	if (Object.keys(translations).length === 0) return { ...lesson, hash };
	// A translation changed is a lesson changed: its version goes up and phones fetch it again.
	const withTranslations = { ...lesson, translations };
	return { ...withTranslations, hash: contentHash(withTranslations, moduleId) };
}

/**
 * A translation file, checked as a lesson is and against its original (when the original is
 * usable). Undefined when it has errors: an unusable translation is left out, not published.
 */
function compileTranslation(
	context: CompileContext,
	file: string,
	level: Level,
	original?: Parameters<typeof checkTranslation>[0]
): Omit<CompiledTranslation, 'hash'> | undefined {
	const text = context.input.markdown.get(file) ?? '';
	const checked: CheckedLesson = checkLessonSource(file, text, {
		level,
		files: context.files,
		sanitiser: context.sanitiser
	});
	const report = context.reportFor(file);
	report.diagnostics.push(...checked.problems);
	context.exercises.push(...checked.exercises.map((placed) => ({ file, placed })));
	if (original) checkTranslation(original, checked, text, report);
	const { meta } = checked;
	if (!original || !meta || report.diagnostics.some((d) => d.severity === 'error'))
		return undefined;
	return {
		file,
		head: checked.head,
		source: checked.body,
		title: meta.title,
		summary: meta.summary,
		outcomes: meta.outcomes,
		status: meta.status ?? 'draft',
		html: checked.html,
		quiz: checked.quiz,
		...(checked.exercises.length > 0 && {
			exercises: checked.exercises.map((placed) => placed.exercise)
		}),
		media: checked.media
	};
}
