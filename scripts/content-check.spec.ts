import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

async function contentCheck(...args: string[]): Promise<{ code: number; stdout: string }> {
	try {
		const { stdout } = await promisify(execFile)(
			resolve(ROOT, 'node_modules/.bin/tsx'),
			['scripts/content-check.ts', ...args],
			{
				cwd: ROOT
			}
		);
		return { code: 0, stdout };
	} catch (error) {
		const failed = error as { code: number; stdout: string };
		return { code: failed.code, stdout: failed.stdout };
	}
}

// Each test starts the real CLI through tsx (a second or two alone); on a busy two-core
// machine that outgrew vitest's 5 s default.
describe('npm run content:check', { timeout: 30_000 }, () => {
	it('passes the starter curriculum with no errors and no warnings', async () => {
		const { code, stdout } = await contentCheck();
		expect(stdout.trim()).toMatch(
			/^content: \d+ pathways, \d+ modules, \d+ lessons; 0 errors, 0 warnings$/
		);
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
		for (const line of lines.slice(0, -1)) {
			expect(line).toMatch(
				/^tests\/fixtures\/content-broken\/\S+\.md:\d+:\d+ {2}(error|warning): \S/
			);
		}
	});
});
