import type { Token, Tokens } from 'marked';
import type { BodyRule } from '../check-body';
import { parseExercise } from '../exercise';

export function isExerciseBlock(token: Token): token is Tokens.Code {
	return token.type === 'code' && (token as Tokens.Code).lang?.trim() === 'exercise';
}

/** ```exercise blocks in lessons only, at the left edge, each with its own id; near misses named. */
export const exerciseBlocks: BodyRule = ({ tokens, at, context, result }) => {
	const ids = new Set<string>();
	for (const placed of tokens) {
		const { token } = placed;
		if (token.type !== 'code') continue;
		const lang = (token as Tokens.Code).lang?.trim() ?? '';
		if (/^exer/i.test(lang) && !isExerciseBlock(token)) {
			context.report.error(
				at(placed),
				`unknown exercise syntax "\`\`\`${lang}": start an exercise with \`\`\`exercise`
			);
		}
		if (!isExerciseBlock(token)) continue;
		if (!context.isLesson) {
			context.report.error(
				at(placed),
				'exercises belong in lessons, not in pathway.md or module.md'
			);
			continue;
		}
		if (placed.ancestors.length > 0) {
			context.report.error(
				at(placed),
				'an exercise cannot sit inside a list or a quote: start the ```exercise line at the left edge'
			);
			continue;
		}
		const firstLineEnd = token.raw.indexOf('\n') + 1;
		const parsed = parseExercise(
			token.text,
			at(placed) + firstLineEnd,
			context.report,
			context.sanitiser
		);
		if (!parsed) continue;
		if (ids.has(parsed.exercise.id)) {
			context.report.error(
				at(placed),
				`exercise: another exercise in this lesson has the id "${parsed.exercise.id}": give each its own`
			);
			continue;
		}
		ids.add(parsed.exercise.id);
		(result.exercises ??= []).push(parsed);
	}
};
