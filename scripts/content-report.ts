import { resolve } from 'node:path';
import { ROOT } from './config';
import { UserError } from './user-error';
import { internalError } from './content/check-lesson-source';
import { compileContent } from './content/compile';
import { formatDiagnostic, sortDiagnostics } from './content/diagnostics';
import { loadContent } from './content/load';
import { nodeSanitiser } from './content/node-sanitiser';
import { kb, PATHWAY_BUDGET_GZIP } from './content/pictures';
import { translationCoverage } from './content/translation-coverage';
import { verifyExercises } from './content/verify-exercises';

/**
 * What `npm run content:check` prints for a content folder, line by line: every problem as
 * `path:line:column  severity: message` (every exercise run in jsdom, verify-exercises.ts), then
 * each pathway's pictures against their budget, then which lessons each language has
 * (information), then the summary; and whether there were errors. Whatever the files hold, a
 * problem is a line, never a throw (a bug of the checker's own is a UserError).
 */
export async function contentReport(root: string): Promise<{ lines: string[]; errors: number }> {
	const input = await loadContent(root);
	let compiled: ReturnType<typeof compileContent>;
	try {
		compiled = compileContent(input, nodeSanitiser());
	} catch (error) {
		throw new UserError(internalError(error));
	}
	const { pathways, pictures, exercises } = compiled;
	const diagnostics = sortDiagnostics([
		...compiled.diagnostics,
		...(await verifyExercises(exercises, input.markdown))
	]);
	const shown = relativeTo(root);
	const lines = diagnostics.map((d) => formatDiagnostic({ ...d, file: `${shown}${d.file}` }));
	for (const { pathway, count, gzipBytes } of pictures.filter((p) => p.count > 0)) {
		lines.push(
			`pictures: ${shown}${pathway} has ${count}, ${kb(gzipBytes)} compressed (budget ${PATHWAY_BUDGET_GZIP / 1024} KB)`
		);
	}
	lines.push(...translationCoverage(pathways));
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = diagnostics.length - errors;
	const lessons = pathways.flatMap((p) => p.modules.flatMap((m) => m.lessons)).length;
	const modules = pathways.flatMap((p) => p.modules).length;
	lines.push(
		`content: ${pathways.length} pathways, ${modules} modules, ${lessons} lessons; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
	);
	return { lines, errors };
}

function relativeTo(root: string): string {
	const absolute = resolve(root);
	const rel = absolute.startsWith(ROOT) ? absolute.slice(ROOT.length + 1) : absolute;
	return rel ? `${rel}/` : '';
}
