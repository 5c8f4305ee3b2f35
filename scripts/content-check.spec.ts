import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { contentReport } from './content-report';

const ROOT = resolve(import.meta.dirname, '..');

async function contentCheck(): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(
			resolve(ROOT, 'node_modules/.bin/tsx'),
			['scripts/content-check.ts'],
			{
				cwd: ROOT
			}
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

// One test starts the real CLI through tsx and checks the whole curriculum, every exercise run
// in jsdom: 5–10 s of CPU, which a busy two-core CI machine can stretch past 30 s of wall time.
// The fixture corpora go through the same report in this process (no second start-up).
describe('npm run content:check', { timeout: 90_000 }, () => {
	it('passes the starter curriculum with no errors and no warnings, its pictures within budget', async () => {
		const { code, stdout, stderr } = await contentCheck();
		expect(stderr).toBe('');
		const [pictures, translations, ...more] = stdout.trim().split('\n');
		expect(pictures).toMatch(
			/^pictures: content\/01-digital-essentials has \d+, [\d.]+ KB compressed \(budget 120 KB\)$/
		);
		// Missing translations are information, never a warning (docs/translating.md).
		expect(translations).toMatch(
			/^translations: 01-digital-essentials: pl \d+ of \d+ \(\d+ drafts\), titles \d+ of \d+, ur \d+ of \d+( \(\d+ drafts\))?, titles \d+ of \d+, ar \d+ of \d+ \(\d+ drafts\), titles \d+ of \d+$/
		);
		const info = more.filter((line) => line.startsWith('  info: '));
		// Each language misses lessons and titles of the later modules.
		expect(info).toHaveLength(6);
		const [summary, ...rest] = more.slice(info.length);
		expect(summary).toMatch(
			/^content: \d+ pathways, \d+ modules, \d+ lessons; 0 errors, 0 warnings$/
		);
		expect(rest).toEqual([]);
		const [, pathways, modules, lessons] =
			/(\d+) pathways, (\d+) modules, (\d+) lessons/.exec(stdout) ?? [];
		expect(Number(pathways)).toBeGreaterThanOrEqual(2);
		expect(Number(modules)).toBeGreaterThanOrEqual(8);
		expect(Number(lessons)).toBeGreaterThanOrEqual(30);
		expect(code).toBe(0);
	});

	it('fails on the broken corpus, one "path:line:column  severity: message" line per problem', async () => {
		const { lines, errors: failed } = await contentReport(
			resolve(ROOT, 'tests/fixtures/content-broken')
		);
		// The summary counts the lines above it; compile.spec.ts checks each planted mistake.
		const [, errors, warnings] = /; (\d+) errors, (\d+) warnings$/.exec(lines.at(-1) ?? '') ?? [];
		expect(Number(errors)).toBe(lines.filter((l) => l.includes('  error: ')).length);
		expect(Number(warnings)).toBe(lines.filter((l) => l.includes('  warning: ')).length);
		expect(Number(errors)).toBeGreaterThan(30);
		expect(failed).toBe(Number(errors));
		for (const line of lines.slice(0, -1).filter((l) => !l.startsWith('pictures: '))) {
			expect(line).toMatch(
				/^tests\/fixtures\/content-broken\/\S+\.md:\d+:\d+ {2}(error|warning): \S/
			);
		}
	});

	it('reads picture paths with spaces and "%" as located errors, never a stack trace', async () => {
		// contentReport throws only for a bug of its own, which the CLI would print instead.
		const { lines, errors } = await contentReport(resolve(ROOT, 'tests/fixtures/content-pictures'));
		expect(errors).toBe(31);
		expect(lines.at(-1)).toMatch(/; 31 errors, 0 warnings$/);
		expect(lines.filter((l) => l.includes('%'))).toEqual([
			expect.stringMatching(/01-placed\.md:26:1 {2}error: picture "images\/50%zz\.svg" has a "%"/)
		]);
	});
});
