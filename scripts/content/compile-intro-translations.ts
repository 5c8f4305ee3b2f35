import type { z } from 'zod';
import type { Level } from '../../src/lib/content/types';
import type { CompiledIntroTranslation } from './catalog';
import type { CompileContext } from './compile-context';

/** What a pathway.md's or module.md's translation must keep of its original: what is not words. */
export interface IntroOriginal {
	file: string;
	id: string;
	level?: Level;
	outcomes: string[];
}

type IntroTranslationMeta = {
	id: string;
	title: string;
	summary: string;
	level?: Level;
	outcomes?: string[];
	status: string;
};

/**
 * The translations of a pathway.md or module.md ("pathway.pl.md"), each read with `schema`,
 * its body checked as the original's is, and checked against the original (when it is usable):
 * the same id and level, as many outcomes. Undefined when none is usable; one with errors is
 * left out, not published, and its problems are in its report.
 */
export function compileIntroTranslations(
	context: CompileContext,
	files: ReadonlyMap<string, string>,
	schema: z.ZodType<IntroTranslationMeta>,
	level: Level,
	original: IntroOriginal | undefined
): Record<string, CompiledIntroTranslation> | undefined {
	const compiled: Record<string, CompiledIntroTranslation> = {};
	for (const [language, file] of files) {
		const doc = context.read(file, schema);
		if (!doc) continue;
		context.checkIntro(file, doc, level);
		const report = context.reportFor(file);
		const meta = doc.meta;
		if (meta && original) {
			for (const problem of introDifferences(original, meta)) {
				const line = new RegExp(`^${problem.field}\\s*:`, 'm').exec(doc.head);
				report.error(line?.index ?? 0, problem.message);
			}
		}
		if (!meta || !original || report.diagnostics.some((d) => d.severity === 'error')) continue;
		compiled[language] = {
			file,
			head: doc.head,
			source: doc.body,
			title: meta.title,
			summary: meta.summary,
			outcomes: meta.outcomes ?? [],
			status: meta.status,
			introHtml: context.render(file, doc.body).html
		};
	}
	return Object.keys(compiled).length ? compiled : undefined;
}

/** How a translation differs from its original in what is not words, one message per field. */
export function introDifferences(
	original: IntroOriginal,
	translation: Pick<IntroTranslationMeta, 'id' | 'level' | 'outcomes'>
): { field: string; message: string }[] {
	const name = original.file.split('/').pop();
	const problems: { field: string; message: string }[] = [];
	for (const field of ['id', 'level'] as const) {
		if (translation[field] !== original[field])
			problems.push({
				field,
				message: `"${field}" must be the same as in ${name} (${JSON.stringify(original[field] ?? null)}): a translation changes the words only`
			});
	}
	const count = translation.outcomes?.length ?? 0;
	if (count !== original.outcomes.length)
		problems.push({
			field: 'outcomes',
			message: `"outcomes" has ${count}, ${name} has ${original.outcomes.length}: translate each outcome, in the same order`
		});
	return problems;
}
