import { resolve } from 'node:path';
import { compileContent, type ContentInput } from '../scripts/content/compile';
import { loadContent } from '../scripts/content/load';
import { publishContent } from '../scripts/content/publish-client';
import { ROOT } from '../scripts/config';

// The dashboard benchmark's pathway: 60 lessons, each with a quiz, published beside the
// bundled content through the real publish route.

export const PATHWAY = 'bench-cohort-skills';
export const MODULES = 6;
export const LESSONS_PER_MODULE = 10;
export const QUESTIONS = 4;

export interface LessonPlace {
	lesson: string;
	module: string;
	pathway: string;
}

/** The pathway's lessons in order, with the module each sits in. */
export function pathwayLessons(): LessonPlace[] {
	const places: LessonPlace[] = [];
	for (let m = 1; m <= MODULES; m++) {
		for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
			places.push({ lesson: lessonId(m, l), module: moduleId(m), pathway: PATHWAY });
		}
	}
	return places;
}

const pad = (n: number) => String(n).padStart(2, '0');
const moduleId = (m: number) => `bench-m${pad(m)}`;
const lessonId = (m: number, l: number) => `bench-m${pad(m)}-lesson-${pad(l)}`;

/**
 * The bundled content plus the benchmark's pathway, as Markdown the real compiler checks:
 * lessons about the size of the bundled ones, each with a four-question quiz.
 */
export async function contentWithBenchPathway(): Promise<ContentInput> {
	const input = await loadContent(resolve(ROOT, 'content'));
	const dir = `90-${PATHWAY}`;
	input.markdown.set(
		`${dir}/pathway.md`,
		frontmatter({
			id: PATHWAY,
			title: 'Everyday computer skills (benchmark)',
			summary: 'A 60-lesson pathway made by the dashboard benchmark.',
			level: 'beginner',
			outcomes: ['Use a computer for everyday tasks']
		}) + '\nSix modules of ten short lessons.\n'
	);
	for (let m = 1; m <= MODULES; m++) {
		const moduleDir = `${dir}/${pad(m)}-module-${m}`;
		input.markdown.set(
			`${moduleDir}/module.md`,
			frontmatter({ id: moduleId(m), title: `Module ${m}`, summary: `Part ${m} of six.` })
		);
		for (let l = 1; l <= LESSONS_PER_MODULE; l++) {
			input.markdown.set(
				`${moduleDir}/${pad(l)}-lesson-${l}.md`,
				frontmatter({
					id: lessonId(m, l),
					title: `Practice ${m}.${l}: files, folders and shortcuts`,
					summary: 'A short lesson with a quiz at the end.',
					minutes: 6,
					outcomes: ['Find a file again later']
				}) + LESSON_BODY
			);
		}
	}
	return input;
}

/** YAML frontmatter; values are JSON, which YAML reads as they are. */
function frontmatter(fields: Record<string, unknown>): string {
	const lines = Object.entries(fields).map(([key, value]) =>
		Array.isArray(value)
			? `${key}:\n${value.map((v) => `  - ${JSON.stringify(v)}`).join('\n')}`
			: `${key}: ${JSON.stringify(value)}`
	);
	return `---\n${lines.join('\n')}\n---\n`;
}

const LESSON_BODY = `
A computer keeps your work in files. Files sit in folders, like letters in a drawer. If you
give each file a clear name and put it in the right folder, you can find it again next week.

## Names that help

Use a name that says what is inside, and the date if it matters. A file called
"Gas bill March" is easier to find than one called "Scan 0042".

## Folders

Make a folder for each part of your life: money, health, work, family. Keep the number of
folders small, so that you always know where to look.

\`\`\`quiz
pass: 70%
questions:
  - type: true-false
    question: A clear file name makes a file easier to find later.
    answer: true
  - type: single
    question: Which name is best for a scan of your gas bill?
    options:
      - text: Gas bill March
        correct: true
      - text: Scan 0042
  - type: true-false
    question: You should make a new folder for every file.
    answer: false
  - type: single
    question: Where should a payslip go?
    options:
      - text: In the money folder
        correct: true
      - text: On the desktop
\`\`\`
`;

/**
 * Publishes the bundled content with (or, to leave the server as the other benchmarks expect
 * it, without) the benchmark's pathway, through the real publish route.
 */
export async function publishWithBenchPathway(
	url: string,
	adminToken: string,
	withBench: boolean
): Promise<void> {
	const input = withBench ? await contentWithBenchPathway() : await loadContent(`${ROOT}/content`);
	const { pathways, diagnostics } = compileContent(input);
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (errors.length)
		throw new Error(`the benchmark content does not compile: ${errors[0]?.message}`);
	await publishContent({ url, token: adminToken, pathways, dryRun: false });
}
