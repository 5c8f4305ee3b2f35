import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson, CompiledModule } from './catalog';
import { identity, type CompileContext } from './compile-context';
import { compileIntroTranslations } from './compile-intro-translations';
import { compileLesson } from './compile-lesson';
import { contentHash } from './content-hash';
import type { ModuleDir } from './folders';
import { moduleFrontmatter, moduleTranslationFrontmatter } from './schemas';

/**
 * One module folder: module.md and its lessons. The lessons are compiled (and checked) even
 * when module.md is missing or unusable, and then `module` is undefined.
 */
export function compileModule(
	context: CompileContext,
	dir: ModuleDir,
	level: Level,
	pathwayId: string | undefined
): { module?: CompiledModule; lessons: CompiledLesson[] } {
	const file = `${dir.dir}/module.md`;
	const doc = context.read(file, moduleFrontmatter);
	const lessons = dir.lessons.flatMap(
		(entry) => compileLesson(context, entry, level, doc?.meta?.id) ?? []
	);
	if (doc) context.checkIntro(file, doc, level);
	const meta = doc?.meta;
	const translations = compileIntroTranslations(
		context,
		dir.translations,
		moduleTranslationFrontmatter,
		level,
		meta && { file, id: meta.id, outcomes: meta.outcomes ?? [] }
	);
	if (!doc || !meta) return { lessons };
	context.claimId(meta.id, file, doc.idOffset);
	const module: Omit<CompiledModule, 'hash' | 'lessons'> = {
		...identity(dir, file, { meta, head: doc.head }),
		outcomes: meta.outcomes ?? [],
		source: doc.body,
		introHtml: context.render(file, doc.body).html,
		...(translations && { translations })
	};
	return { module: { ...module, hash: contentHash(module, pathwayId), lessons }, lessons };
}
