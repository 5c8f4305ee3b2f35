/**
 * The shapes of published content, as the server stores them and the phone downloads them.
 * Lesson HTML is rendered and sanitised at publish time; quizzes are data, shown as text.
 */

export type Level = 'beginner' | 'intermediate' | 'advanced';

export interface ChoiceOption {
	text: string;
	correct: boolean;
	feedback?: string;
}

interface QuestionBase {
	question: string;
	explanation?: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
	type: 'single';
	options: ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple';
	options: ChoiceOption[];
}

export interface TrueFalseQuestion extends QuestionBase {
	type: 'true-false';
	answer: boolean;
	feedback?: { true?: string; false?: string };
}

export interface TextQuestion extends QuestionBase {
	type: 'text';
	/** Accepted answers, as the editor wrote them; compare with `normaliseAnswer`. */
	accept: string[];
}

export interface OrderQuestion extends QuestionBase {
	type: 'order';
	/** In the correct order; the app shuffles them. */
	items: string[];
}

export type Question =
	SingleChoiceQuestion | MultipleChoiceQuestion | TrueFalseQuestion | TextQuestion | OrderQuestion;

export type QuestionType = Question['type'];

export const QUESTION_TYPES: readonly QuestionType[] = [
	'single',
	'multiple',
	'true-false',
	'text',
	'order'
];

export interface Quiz {
	/** Share of questions to get right to pass, 1–100. */
	passPercent: number;
	questions: Question[];
}
