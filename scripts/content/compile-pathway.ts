import type { Level } from '../../src/lib/content/types';
import type { CompiledLesson, CompiledModule, CompiledPathway } from './catalog';
import { identity, type CompileContext } from './compile-context';
import { compileIntroTranslations } from './compile-intro-translations';
import { compileModule } from './compile-module';
import { contentHash } from './content-hash';
import type { PathwayDir } from './folders';
import { kb, PATHWAY_BUDGET_GZIP, type CompiledMedia } from './pictures';
import { pathwayFrontmatter, pathwayTranslationFrontmatter } from './schemas';

/**
 * One pathway folder: pathway.md and its modules. Its modules and lessons are compiled (and
 * checked) even when pathway.md is missing or unusable, and then `pathway` is undefined;
 * `lessons` is every lesson compiled, for the editor preview.
 */
export function compilePathway(
	context: CompileContext,
	dir: PathwayDir
): { pathway?: CompiledPathway; lessons: CompiledLesson[] } {
	const file = `${dir.dir}/pathway.md`;
	const doc = context.read(file, pathwayFrontmatter);
	const meta = doc?.meta;
	const level: Level = meta?.level ?? 'beginner';
	const modules: CompiledModule[] = [];
	const lessons: CompiledLesson[] = [];
	for (const moduleDir of dir.modules) {
		const compiled = compileModule(context, moduleDir, level, meta?.id);
		if (compiled.module) modules.push(compiled.module);
		lessons.push(...compiled.lessons);
	}
	if (doc) context.checkIntro(file, doc, level);
	const translations = compileIntroTranslations(
		context,
		dir.translations,
		pathwayTranslationFrontmatter,
		level,
		meta && { file, id: meta.id, level, outcomes: meta.outcomes }
	);
	if (!doc || !meta) return { lessons };
	context.claimId(meta.id, file, doc.idOffset);
	const pathway: Omit<CompiledPathway, 'hash' | 'modules' | 'media'> = {
		...identity(dir, file, { meta, head: doc.head }),
		level,
		outcomes: meta.outcomes,
		source: doc.body,
		introHtml: context.render(file, doc.body).html,
		...(translations && { translations })
	};
	const media = pathwayMedia(context, modules, file);
	return {
		pathway: { ...pathway, hash: contentHash(pathway, undefined), modules, media },
		lessons
	};
}

/**
 * The pictures of a pathway's published lessons, once each, held to the pathway's budget: a
 * pathway is downloaded whole, pictures and all, often over mobile data.
 */
function pathwayMedia(
	context: CompileContext,
	modules: CompiledModule[],
	file: string
): CompiledMedia[] {
	const hashes = new Set(
		modules.flatMap((m) =>
			m.lessons.flatMap((l) => [
				...l.media,
				...Object.values(l.translations ?? {}).flatMap((t) => t.media)
			])
		)
	);
	const media = [...hashes].flatMap((hash) => context.media(hash) ?? []);
	const total = media.reduce((sum, m) => sum + m.gzipBytes, 0);
	if (total > PATHWAY_BUDGET_GZIP) {
		const biggest = [...media].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3);
		context
			.reportFor(file)
			.warn(
				0,
				`this pathway's ${media.length} pictures add up to ${kb(total)} compressed, over the budget of ${kb(PATHWAY_BUDGET_GZIP)}; the biggest: ${biggest.map((m) => `${m.file} (${kb(m.gzipBytes)})`).join(', ')}`
			);
	}
	return media;
}
