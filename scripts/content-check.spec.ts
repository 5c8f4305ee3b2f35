import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

async function contentCheck(
	...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await promisify(execFile)(
			resolve(ROOT, 'node_modules/.bin/tsx'),
			['scripts/content-check.ts', ...args],
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

// Each test starts the real CLI through tsx (a second or two alone); on a busy two-core
// machine that outgrew vitest's 5 s default.
describe('npm run content:check', { timeout: 30_000 }, () => {
	it('passes the starter curriculum with no errors and no warnings, its pictures within budget', async () => {
		const { code, stdout } = await contentCheck();
		const [pictures, translations, ...more] = stdout.trim().split('\n');
		expect(pictures).toMatch(
			/^pictures: content\/01-digital-essentials has \d+, [\d.]+ KB compressed \(budget 120 KB\)$/
		);
		// Missing translations are information, never a warning (docs/translating.md).
		expect(translations).toMatch(
			/^translations: 01-digital-essentials: pl \d+ of \d+ \(\d+ drafts\), ur none, ar \d+ of \d+ \(\d+ drafts\)$/
		);
		const info = more.filter((line) => line.startsWith('  info: not yet in '));
		expect(info).toHaveLength(2);
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
		const { code, stdout } = await contentCheck('tests/fixtures/content-broken');
		expect(code).toBe(1);
		const lines = stdout.trim().split('\n');
		// The summary counts the lines above it; compile.spec.ts checks each planted mistake.
		const [, errors, warnings] = /; (\d+) errors, (\d+) warnings$/.exec(lines.at(-1) ?? '') ?? [];
		expect(Number(errors)).toBe(lines.filter((l) => l.includes('  error: ')).length);
		expect(Number(warnings)).toBe(lines.filter((l) => l.includes('  warning: ')).length);
		expect(Number(errors)).toBeGreaterThan(30);
		for (const line of lines.slice(0, -1).filter((l) => !l.startsWith('pictures: '))) {
			expect(line).toMatch(
				/^tests\/fixtures\/content-broken\/\S+\.md:\d+:\d+ {2}(error|warning): \S/
			);
		}
	});

	it('reads picture paths with spaces and "%" as located errors, never a stack trace', async () => {
		const { code, stdout, stderr } = await contentCheck('tests/fixtures/content-pictures');
		expect(code).toBe(1);
		expect(stderr).toBe('');
		const lines = stdout.trim().split('\n');
		expect(lines.at(-1)).toMatch(/; 31 errors, 0 warnings$/);
		expect(lines.filter((l) => l.includes('%'))).toEqual([
			expect.stringMatching(/01-placed\.md:26:1 {2}error: picture "images\/50%zz\.svg" has a "%"/)
		]);
	});
});
