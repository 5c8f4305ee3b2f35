/**
 * How a checked answer is marked on the question itself: which options, items or typed answer
 * get a mark, and which words go with it. Pure: values in, values out.
 */
import type { ChoiceOption, Question } from '$lib/content/types';
import { t } from '$lib/i18n/i18n.svelte';
import { grade, type Answer } from './grade';

/** right: chosen and right; wrong: chosen and not right; missed: right, not chosen. */
export type MarkKind = 'right' | 'wrong' | 'missed';

export interface Mark {
	kind: MarkKind;
	/** The mark in words, so it never rests on colour or symbol alone. */
	label: string;
	/** The editor's feedback, only ever for an option the learner chose (see `choiceMarks`). */
	feedback?: string;
}

/** What each part of a checked question shows. */
export type Marks =
	| { type: 'options'; options: (Mark | undefined)[] }
	| { type: 'text'; text: Mark }
	| { type: 'order'; items: Mark[] };

/** Read when a mark is made, so they are in the learner's language of the moment. */
export const MARK_LABELS: Readonly<Record<MarkKind, string>> = {
	get right() {
		return t('mark_right');
	},
	get wrong() {
		return t('mark_wrong');
	},
	get missed() {
		return t('mark_missed');
	}
};

/**
 * Marks for a list of options, one entry per option (undefined: no mark). A chosen option is
 * marked right or not right, with its feedback. An option the learner should have chosen is
 * marked "Right answer" only after a wrong answer, and without its feedback: editors write it
 * for those who chose the option ("Yes. …"), and praise under "Not quite" for an option the
 * learner never ticked contradicts the verdict.
 */
export function choiceMarks(
	options: readonly Pick<ChoiceOption, 'correct' | 'feedback'>[],
	chosen: readonly number[],
	verdict: boolean
): (Mark | undefined)[] {
	const picked = new Set(chosen);
	return options.map((option, i): Mark | undefined => {
		if (picked.has(i)) {
			const kind = option.correct ? 'right' : 'wrong';
			const mark: Mark = { kind, label: MARK_LABELS[kind] };
			if (option.feedback) mark.feedback = option.feedback;
			return mark;
		}
		if (option.correct && !verdict) return { kind: 'missed', label: MARK_LABELS.missed };
		return undefined;
	});
}

/** Marks for an order question, one per position as the learner left the items. */
export function orderMarks(order: readonly number[]): Mark[] {
	return order.map((item, position) =>
		item === position
			? { kind: 'right', label: t('mark_right_place') }
			: { kind: 'wrong', label: t('mark_goes_at', { number: item + 1 }) }
	);
}

/**
 * Everything to mark on a checked question. The verdict comes from `grade`, never from the
 * caller, so the marks cannot disagree with it. Throws, as `grade` does, on an answer of
 * another type.
 */
export function marksFor(question: Question, answer: Answer): Marks {
	const verdict = grade(question, answer).correct;
	switch (question.type) {
		case 'single':
		case 'multiple': {
			const chosen =
				answer.type === 'single'
					? [answer.option]
					: answer.type === 'multiple'
						? answer.options
						: [];
			return { type: 'options', options: choiceMarks(question.options, chosen, verdict) };
		}
		case 'true-false': {
			// The two options as the learner sees them: True, then False.
			const options = [true, false].map((value) => ({
				correct: question.answer === value,
				feedback: question.feedback?.[value ? 'true' : 'false']
			}));
			const chosen = answer.type === 'true-false' ? [answer.value ? 0 : 1] : [];
			return { type: 'options', options: choiceMarks(options, chosen, verdict) };
		}
		case 'text': {
			const kind = verdict ? 'right' : 'wrong';
			return { type: 'text', text: { kind, label: MARK_LABELS[kind] } };
		}
		case 'order':
			return { type: 'order', items: orderMarks(answer.type === 'order' ? answer.order : []) };
	}
}
