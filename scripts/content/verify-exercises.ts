import { JSDOM, VirtualConsole } from 'jsdom';
import { buildPage } from '../../src/lib/exercises/build-page';
import { runChecks, type LoadedPage } from '../../src/lib/exercises/run-checks';
import type { Check, ExerciseFiles } from '../../src/lib/exercises/types';
import type { FileExercise } from './compile-context';
import { FileReport, type Diagnostic } from './diagnostics';

/**
 * Runs every exercise as a learner's phone would, in jsdom: each model solution must pass every
 * check, each starter must fail at least one, and every selector must be CSS. Loops in the
 * lesson's code get the same guard as on the phone, so a solution that never ends fails instead
 * of hanging content:check. jsdom has no layout: computed styles come from the cascade alone,
 * which is all the checks read (docs/exercises.md). The scripts are the editor's own, run on the
 * editor's machine; the server never runs them.
 */
export async function verifyExercises(
	exercises: readonly FileExercise[],
	markdown: ReadonlyMap<string, string>
): Promise<Diagnostic[]> {
	const reports = new Map<string, FileReport>();
	for (const { file, placed } of exercises) {
		let report = reports.get(file);
		if (!report) reports.set(file, (report = new FileReport(file, markdown.get(file) ?? '')));
		const { exercise, at } = placed;
		const name = `exercise "${exercise.id}"`;
		const bad = badSelectors(exercise.checks);
		for (const [index, selector] of bad) {
			report.error(at.checks[index] ?? at.block, `${name}: "${selector}" is not a CSS selector`);
		}
		if (bad.length > 0) continue;

		const solution = await tryFiles(exercise.solution, exercise.checks);
		for (const error of solution.errors.slice(0, 1)) {
			report.error(at.solution, `${name}: the model solution's JavaScript fails: ${error}`);
		}
		for (const result of solution.results.filter((r) => !r.passed)) {
			report.error(
				at.checks[result.index] ?? at.block,
				`${name}: the model solution does not pass this check ("${result.message}")`
			);
		}
		const starter = await tryFiles(exercise.starter, exercise.checks);
		if (starter.results.every((r) => r.passed)) {
			report.error(
				at.files,
				`${name}: the starter files already pass every check, so learners would have nothing to do`
			);
		}
	}
	return [...reports.values()].flatMap((r) => r.diagnostics);
}

// One window for parsing: a JSDOM is slow to make, and content:check makes one per page load.
let parsing: JSDOM['window'] | undefined;
const parser = () => (parsing ??= new JSDOM('').window);

function badSelectors(checks: readonly Check[]): [number, string][] {
	const { document } = parser();
	const bad: [number, string][] = [];
	checks.forEach((check, index) => {
		const selectors = [
			'selector' in check ? check.selector : undefined,
			'click' in check ? check.click : undefined,
			'then' in check ? check.then.selector : undefined
		];
		for (const selector of selectors) {
			if (selector === undefined) continue;
			try {
				document.querySelector(selector);
			} catch {
				bad.push([index, selector]);
			}
		}
	});
	return bad;
}

async function tryFiles(files: ExerciseFiles, checks: readonly Check[]) {
	const html = buildPage(files, (source) =>
		new (parser().DOMParser)().parseFromString(source, 'text/html')
	);
	const errors: string[] = [];
	const results = await runChecks(checks, () => loadPage(html, errors));
	return { results, errors };
}

function loadPage(html: string, errors: string[]): Promise<LoadedPage> {
	const virtualConsole = new VirtualConsole();
	// jsdom says "Uncaught [RangeError: …]"; the editor wants the reason.
	virtualConsole.on('jsdomError', (error) =>
		errors.push(error.message.replace(/^Uncaught \[(?:\w*Error: )?([\s\S]*)\]$/, '$1'))
	);
	const dom = new JSDOM(html, {
		runScripts: 'dangerously',
		pretendToBeVisual: true,
		virtualConsole
	});
	const page = { document: dom.window.document, window: dom.window as unknown as Window };
	return new Promise((resolve) => {
		if (dom.window.document.readyState === 'complete') resolve(page);
		else dom.window.addEventListener('load', () => resolve(page), { once: true });
	});
}
