import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson, CompiledModule } from './catalog';
import { identity, type CompileContext } from './compile-context';
import { compileLesson } from './compile-lesson';
import { contentHash } from './content-hash';
import type { ModuleDir } from './folders';
import { moduleFrontmatter } from './schemas';

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
		(entry) => compileLesson(context, entry, level, doc?.meta.id) ?? []
	);
	if (!doc) return { lessons };
	context.checkIntro(file, doc, level);
	const module: Omit<CompiledModule, 'hash' | 'lessons'> = {
		...identity(dir, file, doc.meta),
		outcomes: doc.meta.outcomes ?? [],
		introHtml: context.render(file, doc.body).html
	};
	return { module: { ...module, hash: contentHash(module, pathwayId), lessons }, lessons };
}
