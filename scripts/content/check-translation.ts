import { parseDocument } from 'yaml';
import type { Question, Quiz } from '../../src/lib/content/types';
import type { Exercise } from '../../src/lib/exercises/types';
import type { CheckedLesson } from './check-lesson-source';
import type { FileReport } from './diagnostics';

/** What a translation must keep of its original: everything that is not words. */
export interface Original {
	file: string;
	meta: NonNullable<CheckedLesson['meta']>;
	quiz: Quiz | null;
	exercises: Exercise[];
}

/**
 * Reports, at its line in the translation, each way a translation differs from its original
 * in what is not words: the frontmatter's id, minutes, level and skills; the quiz's pass mark,
 * questions, their kinds and their answers (which options are right, true or false, how many
 * items to order); its exercises and their checks. Typed answers (`accept`) are words, so
 * only their presence is checked.
 */
export function checkTranslation(
	original: Original,
	translation: CheckedLesson,
	text: string,
	report: FileReport
): void {
	const name = original.file.split('/').pop();
	const meta = translation.meta;
	if (meta) {
		for (const field of ['id', 'minutes', 'level', 'skills'] as const) {
			if (JSON.stringify(meta[field]) !== JSON.stringify(original.meta[field])) {
				report.error(
					fieldOffset(text, field),
					`"${field}" must be the same as in ${name} (${JSON.stringify(original.meta[field] ?? null)}): a translation changes the words only`
				);
			}
		}
	}
	checkQuiz(original.quiz, translation.quiz, text, report, name ?? original.file);
	checkExercises(
		original.exercises,
		translation.exercises.map((p) => p.exercise),
		text,
		report,
		name ?? original.file
	);
}

function checkQuiz(
	original: Quiz | null,
	translated: Quiz | null,
	text: string,
	report: FileReport,
	name: string
): void {
	const block = quizBlock(text);
	if (!original) {
		if (translated)
			report.error(block?.offset ?? 0, `${name} has no quiz, so its translation has none either`);
		return;
	}
	if (!translated) {
		// A quiz with errors has its own messages already; only a missing one is this check's.
		if (!block)
			report.error(text.length, `${name} has a quiz: translate it too, in a \`\`\`quiz block`);
		return;
	}
	const at = (path: (string | number)[]) => (block ? block.offset + block.rangeOf(path) : 0);
	if (original.passPercent !== translated.passPercent) {
		report.error(at(['pass']), `the pass mark must be ${original.passPercent}%, as in ${name}`);
	}
	if (original.questions.length !== translated.questions.length) {
		report.error(
			at(['questions']),
			`the quiz has ${translated.questions.length} question${translated.questions.length === 1 ? '' : 's'}, ${name} has ${original.questions.length}: translate each question, in the same order`
		);
		return;
	}
	original.questions.forEach((question, i) => {
		const other = translated.questions[i] as Question;
		const problem = answerDifference(question, other);
		if (problem) report.error(at(['questions', i]), `question ${i + 1} ${problem} as in ${name}`);
	});
}

/** How a translated question's answer differs from the original's, or undefined. */
function answerDifference(original: Question, translated: Question): string | undefined {
	if (original.type !== translated.type) return `must be of type ${original.type},`;
	if (
		(original.type === 'single' || original.type === 'multiple') &&
		(translated.type === 'single' || translated.type === 'multiple')
	) {
		const right = (q: typeof original) => q.options.flatMap((o, i) => (o.correct ? [i + 1] : []));
		if (original.options.length !== translated.options.length)
			return `must have ${original.options.length} options, in the same order,`;
		if (right(original).join() !== right(translated).join())
			return `must have option ${right(original).join(' and ')} as the right answer${right(original).length > 1 ? 's' : ''},`;
	}
	if (original.type === 'true-false' && translated.type === 'true-false') {
		if (original.answer !== translated.answer) return `must have the answer ${original.answer},`;
	}
	if (original.type === 'order' && translated.type === 'order') {
		if (original.items.length !== translated.items.length)
			return `must have ${original.items.length} items to put in order, in the same order,`;
	}
	return undefined;
}

function checkExercises(
	original: Exercise[],
	translated: Exercise[],
	text: string,
	report: FileReport,
	name: string
): void {
	const shape = (list: Exercise[]) =>
		JSON.stringify(
			list.map((e) => ({ id: e.id, checks: e.checks.map(({ message: _, ...check }) => check) }))
		);
	if (shape(original) !== shape(translated)) {
		const at = text.indexOf('```exercise');
		report.error(
			Math.max(0, at),
			`the exercises must be those of ${name}, with the same ids and checks: translate only their words (title, instructions, hints, messages)`
		);
	}
}

/** Where a frontmatter field's line starts, else the top of the file. */
function fieldOffset(text: string, field: string): number {
	const match = new RegExp(`^${field}\\s*:`, 'm').exec(text);
	return match?.index ?? 0;
}

/** The translation's ```quiz block: where its YAML starts, and where a path inside it is. */
function quizBlock(
	text: string
): { offset: number; rangeOf(path: (string | number)[]): number } | undefined {
	const match = /^```quiz[ \t]*\n([\s\S]*?)^```/m.exec(text);
	if (!match) return undefined;
	const offset = match.index + match[0].indexOf('\n') + 1;
	const doc = parseDocument(match[1] ?? '', { logLevel: 'silent' });
	return {
		offset,
		rangeOf(path) {
			const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
			return node?.range?.[0] ?? 0;
		}
	};
}
