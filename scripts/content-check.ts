import { resolve } from 'node:path';
import { internalError } from './content/check-lesson-source';
import { compileContent } from './content/compile';
import { formatDiagnostic, sortDiagnostics } from './content/diagnostics';
import { loadContent } from './content/load';
import { nodeSanitiser } from './content/node-sanitiser';
import { verifyExercises } from './content/verify-exercises';
import { kb, PATHWAY_BUDGET_GZIP } from './content/pictures';
import { translationCoverage } from './content/translation-coverage';
import { ROOT } from './config';
import { runMain, UserError } from './user-error';

/**
 * `npm run content:check [folder]`: every problem in the content at once, as
 * `path:line:column  severity: message` (every exercise run in jsdom, verify-exercises.ts), then
 * each pathway's pictures against their budget, then which lessons each language has (information).
 * Exits 1 on any error; warnings alone exit 0. Whatever the files hold, it prints messages,
 * never a stack trace.
 */
async function main(): Promise<void> {
	const root = resolve(process.argv[2] ?? resolve(ROOT, 'content'));
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
	for (const diagnostic of diagnostics) {
		console.log(formatDiagnostic({ ...diagnostic, file: `${shown}${diagnostic.file}` }));
	}
	for (const { pathway, count, gzipBytes } of pictures.filter((p) => p.count > 0)) {
		console.log(
			`pictures: ${shown}${pathway} has ${count}, ${kb(gzipBytes)} compressed (budget ${PATHWAY_BUDGET_GZIP / 1024} KB)`
		);
	}
	for (const line of translationCoverage(pathways)) console.log(line);
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = diagnostics.length - errors;
	const lessons = pathways.flatMap((p) => p.modules.flatMap((m) => m.lessons)).length;
	const modules = pathways.flatMap((p) => p.modules).length;
	console.log(
		`content: ${pathways.length} pathways, ${modules} modules, ${lessons} lessons; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
	);
	if (errors > 0) process.exitCode = 1;
}

function relativeTo(root: string): string {
	const rel = root.startsWith(ROOT) ? root.slice(ROOT.length + 1) : root;
	return rel ? `${rel}/` : '';
}

runMain(main);
