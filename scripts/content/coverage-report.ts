import type { PathwayCoverage } from '../../src/lib/skills/coverage';
import { EDSF_SOURCE } from '../../src/lib/skills/edsf';
import type { CompiledLesson } from './catalog';

type Coverage = PathwayCoverage<CompiledLesson>;

const MISSING = 'not covered';

/** The coverage of each pathway for a terminal: each statement, then the lessons that cover it. */
export function coverageText(coverages: readonly Coverage[]): string {
	const out: string[] = [];
	for (const c of coverages) {
		out.push(`${c.pathway.title} (${c.pathway.id})`, summary(c), '');
		for (const { area, statements, covered } of c.areas) {
			out.push(`  ${area.name}: ${covered} of ${statements.length}`);
			for (const { statement, lessons } of statements) {
				out.push(`    ${statement.code.padEnd(9)} ${statement.text}`);
				out.push(
					`    ${''.padEnd(9)} ${lessons.length ? lessons.map((l) => l.title).join('; ') : `- ${MISSING} -`}`
				);
			}
			out.push('');
		}
		out.push(...problems(c, (l) => `${l.title} (${l.file})`), '');
	}
	return out.join('\n').replace(/\n+$/, '\n');
}

/**
 * The same as Markdown, for docs/skills-coverage.md, with links to the lessons' files from
 * `linkBase` (the content folder as seen from the document). Written in Prettier's own style,
 * so `npm run check` accepts the file as generated.
 */
export function coverageMarkdown(coverages: readonly Coverage[], linkBase: string): string {
	const link = (l: CompiledLesson) => `[${l.title}](${linkBase}${l.file})`;
	const out: string[] = [
		'# Essential Digital Skills coverage',
		'',
		'Which statements of the Essential Digital Skills framework the lessons of each pathway are',
		'tagged with (their `skills:` field), and which no lesson covers. Generated from `content/`',
		'by `npm run content:coverage -- --markdown --out docs/skills-coverage.md`: do not edit it',
		'by hand; a test fails when it is out of date. How to choose codes:',
		'[authoring.md](authoring.md#skills-the-essential-digital-skills-framework).',
		'',
		`Source: [${EDSF_SOURCE.title}](${EDSF_SOURCE.url}), ${EDSF_SOURCE.publisher}, ${EDSF_SOURCE.year}.`,
		`Contains public sector information licensed under the [${EDSF_SOURCE.licence}](${EDSF_SOURCE.licenceUrl}).`,
		'**The statements are paraphrased, not quoted**: the official statement texts could not be',
		'retrieved. The foundation skills follow a republished copy of the framework point by point;',
		'the life and work statements are not checked against the official text. The codes are',
		"Clyde's own (`src/lib/skills/edsf.ts`): FOUND-n for foundation skills, then the area (COM,",
		'INFO, TRANS, PROB, SAFE), L for life or W for work, and a number.',
		''
	];
	for (const c of coverages) {
		out.push(`## ${c.pathway.title}`, '', `${summary(c)}.`, '');
		for (const { area, statements, covered } of c.areas) {
			out.push(`### ${area.name}: ${covered} of ${statements.length}`, '');
			for (const { statement, lessons } of statements) {
				const by = lessons.length ? lessons.map(link).join(', ') : `_${MISSING}_`;
				out.push(`- **${statement.code}** ${statement.text}: ${by}`);
			}
			out.push('');
		}
		const found = problems(c, link);
		if (found.length) out.push(...found.map((p) => `- ${p}`), '');
	}
	return out.join('\n').replace(/\n+$/, '\n');
}

function summary(c: Coverage): string {
	const tagged = c.lessons - c.untagged.length;
	return `${c.covered} of ${c.total} statements covered; ${tagged} of ${c.lessons} lessons tagged`;
}

// Unknown codes cannot reach here: content:check rejects them and the CLI stops on errors.
function problems(c: Coverage, name: (l: CompiledLesson) => string): string[] {
	return c.untagged.map((l) => `Untagged: ${name(l)} has no skills: field`);
}
