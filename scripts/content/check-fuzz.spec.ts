import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { runScript } from '../../tests/support/run-script';
import { fuzzChecker } from './fuzz-run';
import { loadContent } from './load';
import { mangle } from './mangle';
import { nodeSanitiser } from './node-sanitiser';

const CONTENT = resolve(import.meta.dirname, '../../content');

// No input makes the checker crash or print a stack trace: mangled copies of the real
// curriculum give located messages only. `npx tsx scripts/content-fuzz.ts` runs many more.
describe('the checker on mangled copies of the curriculum', () => {
	it(
		'gives only located messages and HTML the server accepts, for 120 mangled files',
		{ timeout: 240_000 },
		async () => {
			const input = await loadContent(CONTENT);
			const { failures, messages } = fuzzChecker(input, nodeSanitiser(), {
				firstSeed: 1,
				runs: 120,
				compileEvery: 30
			});
			expect(failures).toEqual([]);
			expect(messages).toBeGreaterThan(40);
		}
	);

	it(
		'npm run content:check prints messages and never a stack trace',
		{ timeout: 120_000 },
		async () => {
			const input = await loadContent(CONTENT);
			const dir = await mkdtemp(join(tmpdir(), 'clyde-fuzz-'));
			try {
				const random = seededRandom(7);
				const encoder = new TextEncoder();
				for (const [path, text] of input.markdown) {
					const bytes =
						random() < 0.5 ? mangle(encoder.encode(text), random).bytes : encoder.encode(text);
					await mkdir(dirname(join(dir, path)), { recursive: true });
					await writeFile(join(dir, path), bytes);
				}
				const run = await runScript('content-check', [dir], {});
				expect(run.code).toBe(1);
				expect(run.stderr).toBe('');
				const lines = run.stdout.trim().split('\n');
				expect(lines.at(-1)).toMatch(/^content: \d+ pathways, .* \d+ errors?, \d+ warnings?$/);
				for (const line of lines.slice(0, -1)) {
					expect(line).toMatch(/^\S.*\.md:\d+:\d+ {2}(error|warning): \S/);
				}
			} finally {
				await rm(dir, { recursive: true, force: true });
			}
		}
	);

	it.each([
		[
			'a folder that does not exist',
			'/nonexistent/clyde-content',
			'there is no folder /nonexistent/clyde-content: check its name'
		],
		['an empty folder', 'EMPTY', 'holds no lessons']
	])(
		'npm run content:check on %s says so in one line',
		{ timeout: 60_000 },
		async (_what, folder, message) => {
			const empty = await mkdtemp(join(tmpdir(), 'clyde-empty-'));
			try {
				const run = await runScript('content-check', [folder === 'EMPTY' ? empty : folder], {});
				expect(run.code).toBe(1);
				expect(run.stdout).toBe('');
				expect(run.stderr.trim().split('\n')).toHaveLength(1);
				expect(run.stderr).toContain(message);
			} finally {
				await rm(empty, { recursive: true, force: true });
			}
		}
	);
});
