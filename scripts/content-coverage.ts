import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathwayCoverage } from '../src/lib/skills/coverage';
import { compileContent } from './content/compile';
import { coverageMarkdown, coverageText } from './content/coverage-report';
import { formatDiagnostic } from './content/diagnostics';
import { loadContent } from './content/load';
import { ROOT } from './config';
import { runMain, UserError } from './user-error';

const HELP = `npm run content:coverage -- [--markdown] [--out FILE] [--content DIR]

Shows, for each pathway, which Essential Digital Skills statements its lessons are tagged
with, by which lessons, and which no lesson covers. --markdown writes Markdown instead of
plain text; --out writes to FILE instead of the terminal. The project's copy is made with
--markdown --out docs/skills-coverage.md.`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			markdown: { type: 'boolean', default: false },
			out: { type: 'string' },
			content: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const root = resolve(values.content ?? resolve(ROOT, 'content'));
	const { pathways, diagnostics } = compileContent(await loadContent(root));
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (errors.length > 0) {
		for (const d of errors) console.error(formatDiagnostic(d));
		// A lesson with an error is left out of the compile, so its codes would be missing.
		throw new UserError(
			`${errors.length} content error(s): fix them first, or the report would leave lessons out (run npm run content:check)`
		);
	}
	const coverages = pathways.map(pathwayCoverage);
	const out = values.out === undefined ? undefined : resolve(values.out);
	const linkBase = `${relative(out ? dirname(out) : process.cwd(), root) || '.'}/`;
	const report = values.markdown ? coverageMarkdown(coverages, linkBase) : coverageText(coverages);
	if (out) await writeFile(out, report);
	else process.stdout.write(report);
}

runMain(main);
