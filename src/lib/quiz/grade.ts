/**
 * Checking quiz answers on the phone: pure functions, no DOM and no network.
 */
import { normaliseAnswer } from '$lib/content/normalise-answer';
import type { Question } from '$lib/content/types';
import { t } from '$lib/i18n/i18n.svelte';
import { seededRandom } from '$lib/random/seeded-random';

/** What a learner answered. The `type` always matches the question's type. */
export type Answer =
	| { type: 'single'; option: number }
	| { type: 'multiple'; options: number[] }
	| { type: 'true-false'; value: boolean }
	| { type: 'text'; text: string }
	| { type: 'order'; order: number[] }; // indices into question.items, in the learner's order

/**
 * What the learner has put into the current question's inputs so far. Only the field for the
 * question's type is used; an order question starts shuffled, so it always has an answer.
 */
export interface Draft {
	option: number | null;
	options: number[];
	truth: boolean | null;
	text: string;
	order: number[];
}

/** How the right answer reads after a wrong one: one line, or a list (numbered for an order). */
export interface RightAnswer {
	intro: string;
	items: string[];
	ordered: boolean;
}

export interface Graded {
	correct: boolean;
	explanation?: string;
}

export interface QuizScore {
	correct: number;
	total: number;
	/** Rounded down, so 2 of 3 is 66%, never a pass at 67%. */
	percent: number;
	passed: boolean;
}

function isCorrect(question: Question, answer: Answer): boolean {
	switch (question.type) {
		case 'single':
			if (answer.type !== 'single') break;
			return question.options[answer.option]?.correct === true;
		case 'multiple': {
			if (answer.type !== 'multiple') break;
			const chosen = new Set(answer.options);
			const correctIndices = question.options.flatMap((option, i) => (option.correct ? [i] : []));
			return chosen.size === correctIndices.length && correctIndices.every((i) => chosen.has(i));
		}
		case 'true-false':
			if (answer.type !== 'true-false') break;
			return answer.value === question.answer;
		case 'text': {
			if (answer.type !== 'text') break;
			const given = normaliseAnswer(answer.text);
			return question.accept.some((accepted) => normaliseAnswer(accepted) === given);
		}
		case 'order':
			if (answer.type !== 'order') break;
			return (
				answer.order.length === question.items.length && answer.order.every((item, i) => item === i)
			);
	}
	throw new Error(
		`Cannot grade a "${answer.type}" answer to a "${question.type}" question: the types must match.`
	);
}

/** Checks one answer. Throws if the answer is for a different type of question. */
export function grade(question: Question, answer: Answer): Graded {
	const graded: Graded = { correct: isCorrect(question, answer) };
	if (question.explanation !== undefined) graded.explanation = question.explanation;
	return graded;
}

/** The learner's score for a whole quiz, from whether each answer was right. */
export function score(results: boolean[], passPercent: number): QuizScore {
	const total = results.length;
	const correct = results.filter(Boolean).length;
	// Integer arithmetic, so 7 of 10 is exactly 70 and never 69.99….
	const percent = total === 0 ? 0 : Math.floor((correct * 100) / total);
	return { correct, total, percent, passed: percent >= passPercent };
}

/** FNV-1a: a small, stable 32-bit hash of a string. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/**
 * A shuffled order of 0..count-1, always the same for the same seed, so a learner who reloads
 * sees the same order. For two or more items it is never 0, 1, 2…, so an order question never
 * starts already solved.
 */
export function shuffledOrder(count: number, seed: string): number[] {
	const order = Array.from({ length: Math.max(0, Math.floor(count)) }, (_, i) => i);
	const random = seededRandom(hash(seed));
	// Fisher–Yates.
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j] as number, order[i] as number];
	}
	if (order.length > 1 && order.every((item, i) => item === i)) {
		// The shuffle happened to change nothing: rotate by one instead.
		order.push(order.shift() as number);
	}
	return order;
}

/** Empty inputs for a question (or for none); an order question's items shuffled by `seed`. */
export function emptyDraft(question: Question | undefined, seed: string): Draft {
	return {
		option: null,
		options: [],
		truth: null,
		text: '',
		order: question?.type === 'order' ? shuffledOrder(question.items.length, seed) : []
	};
}

/** The learner's answer as plain data (arrays copied, so it can be stored), or null if none. */
export function currentAnswer(question: Question, draft: Draft): Answer | null {
	switch (question.type) {
		case 'single':
			return draft.option === null ? null : { type: 'single', option: draft.option };
		case 'multiple':
			return draft.options.length === 0
				? null
				: { type: 'multiple', options: [...draft.options].sort((a, b) => a - b) };
		case 'true-false':
			return draft.truth === null ? null : { type: 'true-false', value: draft.truth };
		case 'text':
			return draft.text.trim() === '' ? null : { type: 'text', text: draft.text };
		case 'order':
			return { type: 'order', order: [...draft.order] };
	}
}

/** What to say when the learner checks a question they have not answered. */
export function missingMessage(question: Question): string {
	switch (question.type) {
		case 'single':
			return t('quiz_missing_single');
		case 'multiple':
			return t('quiz_missing_multiple');
		case 'true-false':
			return t('quiz_missing_true_false');
		case 'text':
			return t('quiz_missing_text');
		case 'order':
			// Never shown: an order question starts with the items in some order.
			return t('quiz_missing_order');
	}
}

/** The right answer to show after a wrong one; a typed answer shows the first accepted one. */
export function rightAnswer(question: Question): RightAnswer {
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const items = question.options.filter((o) => o.correct).map((o) => o.text);
			const intro = items.length === 1 ? t('quiz_right_answer') : t('quiz_right_answers');
			return { intro, items, ordered: false };
		}
		case 'true-false':
			return {
				intro: t('quiz_right_answer'),
				items: [question.answer ? t('quiz_true') : t('quiz_false')],
				ordered: false
			};
		case 'text':
			return { intro: t('quiz_right_answer'), items: question.accept.slice(0, 1), ordered: false };
		case 'order':
			return { intro: t('quiz_right_order'), items: question.items, ordered: true };
	}
}
