import type { Tokens } from 'marked';
import type { BodyRule } from '../check-body';
import { parseQuiz } from '../quiz';
import { isQuizBlock } from '../render';

/** One ```quiz block per lesson, none elsewhere, its YAML checked; near misses named. */
export const quizBlocks: BodyRule = ({ tokens, at, context, result }) => {
	let count = 0;
	for (const placed of tokens) {
		const { token } = placed;
		if (token.type !== 'code') continue;
		const lang = (token as Tokens.Code).lang?.trim() ?? '';
		if (/^quiz/i.test(lang) && !isQuizBlock(token)) {
			context.report.error(
				at(placed),
				`unknown quiz syntax "\`\`\`${lang}": start a quiz with \`\`\`quiz`
			);
		}
		if (!isQuizBlock(token)) continue;
		count++;
		if (!context.isLesson) {
			context.report.error(at(placed), 'quizzes belong in lessons, not in pathway.md or module.md');
		} else if (placed.ancestors.length > 0) {
			context.report.error(
				at(placed),
				'a quiz cannot sit inside a list or a quote: start the ```quiz line at the left edge'
			);
		} else if (count > 1) {
			context.report.error(
				at(placed),
				'a lesson has one quiz: merge the questions into the first ```quiz block'
			);
		} else {
			const firstLineEnd = token.raw.indexOf('\n') + 1;
			result.quiz = parseQuiz(token.text, at(placed) + firstLineEnd, context.report);
		}
	}
};
