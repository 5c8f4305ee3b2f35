import { seededRandom } from '../../src/lib/random/seeded-random';
import { HOOKS, requireHook } from '../pocketbase/require-hook';
import { checkLessonSource } from './check-lesson-source';
import { compileContent, type ContentInput } from './compile';
import { contentFiles } from './content-files';
import type { Diagnostic } from './diagnostics';
import { mangle } from './mangle';
import type { Sanitiser } from './sanitize';
import { decodeContentFile } from './source-text';

const { checkLessonHtml } = requireHook(`${HOOKS}/lib/lesson-html.js`) as {
	checkLessonHtml(html: string): string;
};

/** What is wrong with one fuzz run's output: anything but located messages and safe HTML. */
export interface FuzzFailure {
	seed: number;
	how: string;
	file: string;
	problem: string;
}

/**
 * Checks mangled copies of `input`'s files, one per seed from `firstSeed`: each lesson alone
 * with checkLessonSource, and every `compileEvery`-th run the whole content with the mangled
 * file in it. Returns every run that threw, gave a diagnostic without a place in the file,
 * the checker's own "could not read" message, or HTML the server would refuse.
 */
export function fuzzChecker(
	input: ContentInput,
	sanitiser: Sanitiser,
	options: { firstSeed: number; runs: number; compileEvery: number }
): { failures: FuzzFailure[]; messages: number } {
	const failures: FuzzFailure[] = [];
	const paths = [...input.markdown.keys()].sort();
	const encoder = new TextEncoder();
	let messages = 0;
	for (let seed = options.firstSeed; seed < options.firstSeed + options.runs; seed++) {
		const random = seededRandom(seed);
		const file = paths[Math.floor(random() * paths.length)] as string;
		const mangled = mangle(encoder.encode(input.markdown.get(file) ?? ''), random);
		const decoded = decodeContentFile(mangled.bytes);
		const fail = (problem: string) => failures.push({ seed, how: mangled.how, file, problem });
		const lines = decoded.text.split('\n').length;
		const checkPlaces = (diagnostics: Diagnostic[], text = decoded.text) => {
			for (const d of diagnostics) {
				const fileLines =
					d.file === file ? lines : (input.markdown.get(d.file) ?? text).split('\n').length;
				if (!(d.line >= 1 && d.column >= 1 && d.line <= fileLines)) {
					fail(`${d.file}:${d.line}:${d.column} is outside the file: ${d.message}`);
				}
				if (!d.message || /could not read this file|\n\s+at /.test(d.message)) fail(d.message);
			}
			messages += diagnostics.length;
		};
		try {
			if (!/\/(?:module|pathway)\.md$/.test(file)) {
				const checked = checkLessonSource(file, decoded.text, {
					level: 'beginner',
					files: contentFiles(input.markdown, input.assets),
					sanitiser
				});
				checkPlaces(checked.problems);
				const refused = checkLessonHtml(checked.html);
				if (refused) fail(`the server would refuse its HTML: ${refused}`);
			}
			if ((seed - options.firstSeed) % options.compileEvery === 0) {
				const markdown = new Map(input.markdown).set(file, decoded.text);
				const notUtf8 = new Map(decoded.notUtf8 ? [[file, decoded.notUtf8]] : []);
				const { diagnostics, pathways } = compileContent(
					{ markdown, assets: input.assets, notUtf8 },
					sanitiser
				);
				checkPlaces(diagnostics);
				for (const pathway of pathways) {
					for (const html of [
						pathway.introHtml,
						...pathway.modules.flatMap((m) => [m.introHtml, ...m.lessons.map((l) => l.html)])
					]) {
						const refused = checkLessonHtml(html);
						if (refused) fail(`the server would refuse its HTML: ${refused}`);
					}
				}
			}
		} catch (error) {
			fail(`threw ${(error as Error).stack ?? String(error)}`);
		}
	}
	return { failures, messages };
}
