/**
 * The end of a quiz: which questions to look at again, each with its right answer. Pure.
 */
import type { Question } from '$lib/content/types';
import { rightAnswer, type RightAnswer } from './grade';

export interface Missed {
	/** The question's number as the learner saw it, from 1. */
	number: number;
	question: string;
	right: RightAnswer;
	explanation?: string;
}

/** The questions not answered right (`results[i]` not true), in the quiz's order. */
export function missedQuestions(
	questions: readonly Question[],
	results: readonly boolean[]
): Missed[] {
	return questions.flatMap((question, i) => {
		if (results[i] === true) return [];
		const missed: Missed = {
			number: i + 1,
			question: question.question,
			right: rightAnswer(question)
		};
		if (question.explanation !== undefined) missed.explanation = question.explanation;
		return [missed];
	});
}
