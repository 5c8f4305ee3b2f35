import type { BodyRule } from '../check-body';
import { isQuizBlock } from '../render';

/** A lesson must have text: without it learners would open an empty page. */
export const emptyBody: BodyRule = ({ tokens, context }) => {
	if (!context.isLesson) return;
	const text = tokens.filter(
		({ token, ancestors }) =>
			ancestors.length === 0 &&
			token.type !== 'space' &&
			!isQuizBlock(token) &&
			!(token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw)) &&
			!(token.type === 'def')
	);
	if (text.length > 0) return;
	const hasQuiz = tokens.some(({ token }) => isQuizBlock(token));
	context.report.error(
		context.bodyOffset,
		hasQuiz
			? 'this lesson has a quiz but no text: write the lesson below the frontmatter, before the quiz'
			: 'this lesson has no text: write it below the frontmatter\'s closing "---" line'
	);
};
