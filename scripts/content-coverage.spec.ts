import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pathwayCoverage } from '../src/lib/skills/coverage';
import { compileContent } from './content/compile';
import { coverageMarkdown } from './content/coverage-report';
import { loadContent } from './content/load';

const ROOT = resolve(import.meta.dirname, '..');
const DOC = resolve(ROOT, 'docs/skills-coverage.md');
const REGENERATE = 'npm run content:coverage -- --markdown --out docs/skills-coverage.md';

async function coverageCli(...args: string[]) {
	try {
		const { stdout, stderr } = await promisify(execFile)(
			resolve(ROOT, 'node_modules/.bin/tsx'),
			['scripts/content-coverage.ts', ...args],
			{ cwd: ROOT }
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

describe('the skills coverage of the curriculum', async () => {
	const { pathways } = compileContent(await loadContent(resolve(ROOT, 'content')));

	it('tags every lesson of every pathway with at least one code', () => {
		const lessons = pathways.flatMap((p) => p.modules.flatMap((m) => m.lessons));
		expect(lessons.length).toBeGreaterThanOrEqual(30);
		expect(lessons.filter((l) => l.skills.length === 0).map((l) => l.file)).toEqual([]);
	});

	it(`is current in docs/skills-coverage.md (else run: ${REGENERATE})`, async () => {
		const expected = coverageMarkdown(pathways.map(pathwayCoverage), '../content/');
		expect(await readFile(DOC, 'utf8'), `out of date: run ${REGENERATE}`).toBe(expected);
	});
});

// Each run starts the real CLI through tsx (a second or two alone on a busy machine).
describe('npm run content:coverage', { timeout: 60_000 }, () => {
	it('prints each pathway, area and statement with its lessons, and writes the Markdown copy', async () => {
		const text = await coverageCli();
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(
			/^Digital Essentials \(digital-essentials\)\n\d+ of \d+ statements covered; 15 of 15 lessons tagged\n/
		);
		expect(text.stdout).toContain('  Being safe and legal online: ');
		expect(text.stdout).toMatch(/\n {4}SAFE-L1 {3}Prove who I am[^\n]*\n {14}Two-step sign-in\n/);
		expect(text.stdout).toMatch(/\n {4}TRANS-L4 {2}[^\n]*\n {14}- not covered -\n/);

		const dir = await mkdtemp(join(tmpdir(), 'clyde-coverage-'));
		try {
			const out = join(dir, 'coverage.md');
			const markdown = await coverageCli('--markdown', '--out', out);
			expect(markdown.code).toBe(0);
			// The same report as docs/, its links leading from the file's own folder to content/.
			const linkBase = `${relative(dir, resolve(ROOT, 'content'))}/`;
			const written = await readFile(out, 'utf8');
			expect(written).toContain(`](${linkBase}01-digital-essentials/`);
			expect(written.replaceAll(`](${linkBase}`, '](../content/')).toBe(
				await readFile(DOC, 'utf8')
			);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	it('refuses content with errors, which would leave lessons out of the report', async () => {
		const { code, stdout, stderr } = await coverageCli(
			'--content',
			'tests/fixtures/content-broken'
		);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/content error\(s\): fix them first/);
	});
});
