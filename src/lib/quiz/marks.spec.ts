import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type {
	MultipleChoiceQuestion,
	OrderQuestion,
	SingleChoiceQuestion,
	TextQuestion,
	TrueFalseQuestion
} from '$lib/content/types';
import { grade, type Answer } from './grade';
import { MARK_LABELS, marksFor, orderMarks, type Mark } from './marks';

beforeAll(() => i18n.use('en'));

// Feedback as editors write it: praise on the right options, a reason on the wrong ones.
const single: SingleChoiceQuestion = {
	type: 'single',
	question: 'Which of these is the strongest password?',
	options: [
		{ text: 'Password123', correct: false, feedback: 'One of the first criminals try.' },
		{ text: 'cactus lemon harbour', correct: true, feedback: 'Yes. Long and hard to guess.' },
		{ text: "Your pet's name", correct: false }
	]
};

const multiple: MultipleChoiceQuestion = {
	type: 'multiple',
	question: 'Which are safe ways to keep track of your passwords?',
	options: [
		{ text: 'A password manager', correct: true, feedback: 'Yes. One password opens it.' },
		{ text: 'Your browser', correct: true, feedback: 'Yes. It fills them in.' },
		{ text: 'A sticky note on your screen', correct: false, feedback: 'Anyone could read it.' },
		{ text: 'A notebook at home', correct: true, feedback: 'Yes. Far better than one password.' }
	]
};

const trueFalse: TrueFalseQuestion = {
	type: 'true-false',
	question: 'It is fine to use the same password everywhere.',
	answer: false,
	feedback: { true: 'One leak would open them all.', false: 'Right. One for each account.' }
};

const text: TextQuestion = {
	type: 'text',
	question: 'What does www stand for?',
	accept: ['World Wide Web']
};

const order: OrderQuestion = {
	type: 'order',
	question: 'Put these in order.',
	items: ['Open', 'Write', 'Send']
};

const right = (feedback?: string): Mark => ({
	kind: 'right',
	label: 'Your answer — right',
	...(feedback ? { feedback } : {})
});
const wrong = (feedback?: string): Mark => ({
	kind: 'wrong',
	label: 'Your answer — not right',
	...(feedback ? { feedback } : {})
});
const missed: Mark = { kind: 'missed', label: 'Right answer' };

describe('marksFor: single choice', () => {
	it('marks only the chosen option when it is right, with its feedback', () => {
		expect(marksFor(single, { type: 'single', option: 1 })).toEqual({
			type: 'options',
			options: [undefined, right('Yes. Long and hard to guess.'), undefined]
		});
	});

	it('marks a wrong choice not right, with its feedback, and the right option without its praise', () => {
		expect(marksFor(single, { type: 'single', option: 0 })).toEqual({
			type: 'options',
			options: [wrong('One of the first criminals try.'), missed, undefined]
		});
	});

	it('marks a wrong choice that has no feedback without any', () => {
		expect(marksFor(single, { type: 'single', option: 2 })).toEqual({
			type: 'options',
			options: [undefined, missed, wrong()]
		});
	});
});

describe('marksFor: multiple choice', () => {
	it('with a right option left out: "Right answer" on it, never its "Yes." (the bug in #12)', () => {
		const marks = marksFor(multiple, { type: 'multiple', options: [0, 1] });
		expect(marks).toEqual({
			type: 'options',
			options: [
				right('Yes. One password opens it.'),
				right('Yes. It fills them in.'),
				undefined,
				missed
			]
		});
	});

	it('with a wrong option ticked: that one not right, the right ones ticked right', () => {
		expect(marksFor(multiple, { type: 'multiple', options: [0, 1, 2, 3] })).toEqual({
			type: 'options',
			options: [
				right('Yes. One password opens it.'),
				right('Yes. It fills them in.'),
				wrong('Anyone could read it.'),
				right('Yes. Far better than one password.')
			]
		});
	});

	it('when all right: every ticked option right and nothing else marked', () => {
		expect(marksFor(multiple, { type: 'multiple', options: [0, 1, 3] })).toEqual({
			type: 'options',
			options: [
				right('Yes. One password opens it.'),
				right('Yes. It fills them in.'),
				undefined,
				right('Yes. Far better than one password.')
			]
		});
	});
});

describe('marksFor: true or false', () => {
	it('marks True then False, as they are shown', () => {
		expect(marksFor(trueFalse, { type: 'true-false', value: false })).toEqual({
			type: 'options',
			options: [undefined, right('Right. One for each account.')]
		});
		expect(marksFor(trueFalse, { type: 'true-false', value: true })).toEqual({
			type: 'options',
			options: [wrong('One leak would open them all.'), missed]
		});
	});

	it('works without feedback, and for a question whose answer is true', () => {
		const plain: TrueFalseQuestion = { type: 'true-false', question: 'Q', answer: true };
		expect(marksFor(plain, { type: 'true-false', value: false })).toEqual({
			type: 'options',
			options: [missed, wrong()]
		});
		expect(marksFor(plain, { type: 'true-false', value: true })).toEqual({
			type: 'options',
			options: [right(), undefined]
		});
	});
});

describe('marksFor: typed answer', () => {
	it('marks the typed answer right or not right, as the grading does', () => {
		expect(marksFor(text, { type: 'text', text: ' world wide web. ' })).toEqual({
			type: 'text',
			text: right()
		});
		expect(marksFor(text, { type: 'text', text: 'World Wide Wait' })).toEqual({
			type: 'text',
			text: wrong()
		});
	});
});

describe('marksFor: order', () => {
	it('marks each place, and says where a misplaced item goes', () => {
		expect(marksFor(order, { type: 'order', order: [1, 0, 2] })).toEqual({
			type: 'order',
			items: [
				{ kind: 'wrong', label: 'Not right — it goes at number 2' },
				{ kind: 'wrong', label: 'Not right — it goes at number 1' },
				{ kind: 'right', label: 'Right place' }
			]
		});
		expect(orderMarks([0, 1, 2]).every((m) => m.kind === 'right')).toBe(true);
	});
});

it('throws, as grading does, for an answer to another type of question', () => {
	expect(() => marksFor(single, { type: 'text', text: 'x' })).toThrowError(/"text".*"single"/);
});

/** Every subset of n options, as sorted index lists. */
function subsets(n: number): number[][] {
	return Array.from({ length: 2 ** n }, (_, bits) =>
		Array.from({ length: n }, (_, i) => i).filter((i) => bits & (1 << i))
	);
}

describe('marks never contradict the verdict, for every possible answer', () => {
	type Case = [string, SingleChoiceQuestion | MultipleChoiceQuestion | TrueFalseQuestion, Answer];
	const answers: Case[] = [
		...single.options.map((_, option): Case => ['single', single, { type: 'single', option }]),
		...subsets(multiple.options.length).map((options): Case => [
			'multiple',
			multiple,
			{ type: 'multiple', options }
		]),
		...[true, false].map((value): Case => ['true-false', trueFalse, { type: 'true-false', value }])
	];

	it.each(answers)('%s %j', (_type, question, answer) => {
		const verdict = grade(question, answer).correct;
		const marks = marksFor(question, answer);
		if (marks.type !== 'options') throw new Error('expected option marks');
		const chosen =
			answer.type === 'single'
				? [answer.option]
				: answer.type === 'multiple'
					? answer.options
					: answer.type === 'true-false'
						? [answer.value ? 0 : 1]
						: [];
		const kinds = marks.options.map((m) => m?.kind);
		if (verdict) {
			// A right answer: only "Your answer — right" marks, one on each chosen option.
			expect(kinds.filter(Boolean)).toEqual(chosen.map(() => 'right'));
		} else {
			// A wrong answer always shows why: a wrong choice or a right option left out.
			expect(kinds.some((k) => k === 'wrong' || k === 'missed')).toBe(true);
		}
		marks.options.forEach((mark, i) => {
			// Feedback only for what the learner chose; unchosen options are marked only when
			// they were the right answer, and only after a wrong one.
			if (mark?.feedback) expect(chosen).toContain(i);
			if (!chosen.includes(i)) expect(mark === undefined || mark.kind === 'missed').toBe(true);
			if (mark) expect(mark.label).toBe(MARK_LABELS[mark.kind]);
		});
	});
});
