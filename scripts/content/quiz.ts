import type { Question, Quiz } from '../../src/lib/content/types';
import type { FileReport } from './diagnostics';
import { quizBlock, type QuizBlock } from './schemas';
import { parseYamlBlock } from './yaml-block';

/** Parses the YAML inside a ```quiz block that starts at `offset`; errors go to the report. */
export function parseQuiz(yaml: string, offset: number, report: FileReport): Quiz | undefined {
	const block = parseYamlBlock(yaml, offset, quizBlock, report, 'quiz');
	return block && toQuiz(block);
}

function toQuiz(block: QuizBlock): Quiz {
	return {
		passPercent: block.pass,
		questions: block.questions.map((q): Question => {
			if (q.type === 'single' || q.type === 'multiple') {
				return {
					...q,
					options: q.options.map((o) => ({ ...o, correct: o.correct === true }))
				};
			}
			return q;
		})
	};
}
