import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type {
	MultipleChoiceQuestion,
	OrderQuestion,
	Question,
	SingleChoiceQuestion,
	TextQuestion,
	TrueFalseQuestion
} from '$lib/content/types';
import {
	currentAnswer,
	emptyDraft,
	grade,
	missingMessage,
	rightAnswer,
	score,
	shuffledOrder,
	type Answer,
	type Draft
} from './grade';

beforeAll(() => i18n.use('en'));

const single: SingleChoiceQuestion = {
	type: 'single',
	question: 'Which of these is the strongest password?',
	options: [
		{ text: 'Password123', correct: false, feedback: 'One of the first an attacker tries.' },
		{ text: 'kettle-river-piano', correct: true, feedback: 'Yes. Three random words.' },
		{ text: "Your pet's name", correct: false }
	],
	explanation: 'Length makes a password hard to guess.'
};

const multiple: MultipleChoiceQuestion = {
	type: 'multiple',
	question: 'Which of these can help keep an account safe?',
	options: [
		{ text: 'Two-step sign-in', correct: true, feedback: 'Two-step sign-in helps.' },
		{ text: 'A different password for each account', correct: true },
		{ text: 'Emailing your password to yourself', correct: false, feedback: 'Email can leak.' },
		{ text: 'A password manager', correct: true, feedback: 'A manager remembers them.' }
	],
	explanation: 'Unique passwords protect you.'
};

const trueFalse: TrueFalseQuestion = {
	type: 'true-false',
	question: 'Your bank may ask you for your full PIN by email.',
	answer: false,
	feedback: { true: 'Banks never ask for your PIN.', false: 'Right. A bank will never ask.' },
	explanation: 'Anyone asking for your PIN is trying to steal from you.'
};

const text: TextQuestion = {
	type: 'text',
	question: 'What do the letters "www" stand for?',
	accept: ['World Wide Web', 'the web']
};

const order: OrderQuestion = {
	type: 'order',
	question: 'Put these steps in order.',
	items: ['Open your email app', 'Press "New"', 'Type the message', 'Press "Send"'],
	explanation: 'You write the message first, then send it.'
};

describe('grade: single', () => {
	it('is right for the correct option, with the explanation', () => {
		expect(grade(single, { type: 'single', option: 1 })).toEqual({
			correct: true,
			explanation: 'Length makes a password hard to guess.'
		});
	});

	it('is wrong for another option, with the explanation', () => {
		expect(grade(single, { type: 'single', option: 0 })).toEqual({
			correct: false,
			explanation: 'Length makes a password hard to guess.'
		});
		expect(grade(single, { type: 'single', option: 2 }).correct).toBe(false);
	});

	it('is wrong, not a crash, for an option that does not exist', () => {
		expect(grade(single, { type: 'single', option: 7 }).correct).toBe(false);
		expect(grade(single, { type: 'single', option: -1 }).correct).toBe(false);
	});
});

describe('grade: multiple', () => {
	it('is right only for exactly the correct options, in any order', () => {
		expect(grade(multiple, { type: 'multiple', options: [0, 1, 3] }).correct).toBe(true);
		expect(grade(multiple, { type: 'multiple', options: [3, 0, 1] }).correct).toBe(true);
	});

	it('ignores an option chosen twice', () => {
		expect(grade(multiple, { type: 'multiple', options: [0, 1, 3, 3] }).correct).toBe(true);
	});

	it('is wrong with a correct option missing', () => {
		expect(grade(multiple, { type: 'multiple', options: [0, 1] }).correct).toBe(false);
	});

	it('is wrong with an extra, incorrect option', () => {
		expect(grade(multiple, { type: 'multiple', options: [0, 1, 2, 3] }).correct).toBe(false);
	});

	it('is wrong with an option that does not exist', () => {
		expect(grade(multiple, { type: 'multiple', options: [0, 1, 3, 9] }).correct).toBe(false);
	});

	it('is wrong with nothing chosen', () => {
		expect(grade(multiple, { type: 'multiple', options: [] })).toEqual({
			correct: false,
			explanation: 'Unique passwords protect you.'
		});
	});
});

describe('grade: true-false', () => {
	it('is right when the value matches', () => {
		expect(grade(trueFalse, { type: 'true-false', value: false })).toEqual({
			correct: true,
			explanation: 'Anyone asking for your PIN is trying to steal from you.'
		});
	});

	it('is wrong when the value does not match', () => {
		expect(grade(trueFalse, { type: 'true-false', value: true }).correct).toBe(false);
	});

	it('works for a question whose answer is true', () => {
		const question: TrueFalseQuestion = { ...trueFalse, answer: true };
		expect(grade(question, { type: 'true-false', value: true }).correct).toBe(true);
		expect(grade(question, { type: 'true-false', value: false }).correct).toBe(false);
	});
});

describe('grade: text', () => {
	it.each(['World Wide Web', '  world   wide web. ', 'WORLD WIDE WEB!', 'The Web'])(
		'accepts %j',
		(typed) => {
			expect(grade(text, { type: 'text', text: typed }).correct).toBe(true);
		}
	);

	it.each(['', '   ', 'World Wide', 'www', 'World Wide Webs'])('does not accept %j', (typed) => {
		expect(grade(text, { type: 'text', text: typed }).correct).toBe(false);
	});

	it('normalises the accepted answers too', () => {
		const question: TextQuestion = { ...text, accept: ['  It’s fine. '] };
		expect(grade(question, { type: 'text', text: "it's FINE" }).correct).toBe(true);
	});

	it('has no explanation when there is none', () => {
		const graded = grade(text, { type: 'text', text: 'World Wide Web' });
		expect(graded).toEqual({ correct: true });
		expect('explanation' in graded).toBe(false);
	});
});

describe('grade: order', () => {
	it('is right only in the written order', () => {
		expect(grade(order, { type: 'order', order: [0, 1, 2, 3] })).toEqual({
			correct: true,
			explanation: 'You write the message first, then send it.'
		});
	});

	it.each([[[1, 0, 2, 3]], [[3, 2, 1, 0]], [[0, 1, 2]], [[0, 1, 2, 3, 4]], [[]]])(
		'is wrong for %j',
		(learnerOrder) => {
			expect(grade(order, { type: 'order', order: learnerOrder }).correct).toBe(false);
		}
	);
});

describe('grade: mismatched answer', () => {
	const answers: Answer[] = [
		{ type: 'single', option: 0 },
		{ type: 'multiple', options: [0] },
		{ type: 'true-false', value: true },
		{ type: 'text', text: 'x' },
		{ type: 'order', order: [0] }
	];
	const questions: Question[] = [single, multiple, trueFalse, text, order];

	for (const question of questions) {
		for (const answer of answers) {
			if (answer.type === question.type) continue;
			it(`throws for a ${answer.type} answer to a ${question.type} question`, () => {
				expect(() => grade(question, answer)).toThrowError(
					new RegExp(`"${answer.type}".*"${question.type}"`)
				);
			});
		}
	}
});

describe('score', () => {
	it('counts right answers and passes at the pass mark', () => {
		expect(score([true, true, true, false], 70)).toEqual({
			correct: 3,
			total: 4,
			percent: 75,
			passed: true
		});
	});

	it('passes exactly at the pass mark', () => {
		expect(score([true, true, true, true, true, true, true, false, false, false], 70)).toEqual({
			correct: 7,
			total: 10,
			percent: 70,
			passed: true
		});
	});

	it('rounds down, so 2 of 3 does not reach 67%', () => {
		expect(score([true, true, false], 67)).toEqual({
			correct: 2,
			total: 3,
			percent: 66,
			passed: false
		});
		expect(score([true, true, false], 66).passed).toBe(true);
	});

	it('rounds down percentages that floating point gets wrong', () => {
		// 0.57 * 100 is 56.99999… in floating point; 57 of 100 must still be 57%.
		const results = Array.from({ length: 100 }, (_, i) => i < 57);
		expect(score(results, 57)).toMatchObject({ percent: 57, passed: true });
	});

	it('needs every answer right for a 100% pass mark', () => {
		expect(score([true, true, true], 100)).toMatchObject({ percent: 100, passed: true });
		expect(score([true, true, false], 100)).toMatchObject({ percent: 66, passed: false });
	});

	it('handles all wrong', () => {
		expect(score([false, false], 50)).toEqual({ correct: 0, total: 2, percent: 0, passed: false });
	});

	it('scores an empty quiz as 0% rather than dividing by zero', () => {
		expect(score([], 70)).toEqual({ correct: 0, total: 0, percent: 0, passed: false });
	});
});

describe('shuffledOrder', () => {
	const isPermutation = (result: number[], count: number) =>
		expect([...result].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));

	it('is a permutation of 0..count-1', () => {
		for (let count = 0; count <= 12; count++) {
			for (const seed of ['', 'a', 'lesson-1:quiz0', 'ünïcödé ✓']) {
				const result = shuffledOrder(count, seed);
				expect(result).toHaveLength(count);
				isPermutation(result, count);
			}
		}
	});

	it('is the same for the same seed', () => {
		expect(shuffledOrder(8, 'learner-42:lesson-7:3')).toEqual(
			shuffledOrder(8, 'learner-42:lesson-7:3')
		);
	});

	it('differs between seeds', () => {
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) => shuffledOrder(6, `seed-${i}`).join(','))
		);
		expect(orders.size).toBeGreaterThan(10);
	});

	it('is never already in order for two or more items', () => {
		for (let count = 2; count <= 6; count++) {
			for (let i = 0; i < 500; i++) {
				const result = shuffledOrder(count, `seed-${i}`);
				expect(result.every((item, position) => item === position)).toBe(false);
			}
		}
	});

	it('always swaps two items', () => {
		const seen = new Set(Array.from({ length: 50 }, (_, i) => shuffledOrder(2, `s${i}`).join()));
		expect([...seen]).toEqual(['1,0']);
	});

	it('handles zero and one item', () => {
		expect(shuffledOrder(0, 'x')).toEqual([]);
		expect(shuffledOrder(1, 'x')).toEqual([0]);
	});

	it('uses every position for every item across seeds (not a fixed rotation)', () => {
		const positions = Array.from({ length: 4 }, () => new Set<number>());
		for (let i = 0; i < 200; i++) {
			shuffledOrder(4, `seed-${i}`).forEach((item, position) => positions[item]?.add(position));
		}
		for (const seen of positions) expect(seen.size).toBe(4);
	});
});

describe('emptyDraft', () => {
	it('has nothing chosen or typed', () => {
		expect(emptyDraft(single, 'seed')).toEqual({
			option: null,
			options: [],
			truth: null,
			text: '',
			order: []
		});
		expect(emptyDraft(undefined, 'seed').order).toEqual([]);
	});

	it('starts an order question shuffled by the seed, as shuffledOrder does', () => {
		expect(emptyDraft(order, 'lesson-1:0').order).toEqual(shuffledOrder(4, 'lesson-1:0'));
		expect(emptyDraft(order, 'lesson-1:0').order).not.toEqual([0, 1, 2, 3]);
	});
});

describe('currentAnswer', () => {
	const draft = (changes: Partial<Draft>): Draft => ({ ...emptyDraft(undefined, ''), ...changes });

	it('is null while nothing is chosen or typed', () => {
		for (const question of [single, multiple, trueFalse, text]) {
			expect(currentAnswer(question, draft({}))).toBeNull();
		}
	});

	it("reads only the input of the question's own type", () => {
		const everything = draft({
			option: 2,
			options: [3, 1],
			truth: false,
			text: 'www',
			order: [1, 0]
		});
		expect(currentAnswer(single, everything)).toEqual({ type: 'single', option: 2 });
		expect(currentAnswer(multiple, everything)).toEqual({ type: 'multiple', options: [1, 3] });
		expect(currentAnswer(trueFalse, everything)).toEqual({ type: 'true-false', value: false });
		expect(currentAnswer(text, everything)).toEqual({ type: 'text', text: 'www' });
		expect(currentAnswer(order, everything)).toEqual({ type: 'order', order: [1, 0] });
	});

	it('takes option 0 and False as answers, not as nothing', () => {
		expect(currentAnswer(single, draft({ option: 0 }))).toEqual({ type: 'single', option: 0 });
		expect(currentAnswer(trueFalse, draft({ truth: false }))).toEqual({
			type: 'true-false',
			value: false
		});
	});

	it('does not count spaces as a typed answer, but keeps the text as typed', () => {
		expect(currentAnswer(text, draft({ text: ' \t ' }))).toBeNull();
		expect(currentAnswer(text, draft({ text: ' the web ' }))).toEqual({
			type: 'text',
			text: ' the web '
		});
	});

	it('copies the arrays, so the answer never changes with the inputs afterwards', () => {
		const options = [2, 0];
		const given = draft({ options, order: [2, 1, 0, 3] });
		const multipleAnswer = currentAnswer(multiple, given);
		const orderAnswer = currentAnswer(order, given);
		options.push(1);
		given.order.reverse();
		expect(multipleAnswer).toEqual({ type: 'multiple', options: [0, 2] });
		expect(orderAnswer).toEqual({ type: 'order', order: [2, 1, 0, 3] });
		expect(options).toEqual([2, 0, 1]);
	});
});

describe('missingMessage', () => {
	it('says what to do for each type of question', () => {
		expect(missingMessage(single)).toBe('Choose an answer first.');
		expect(missingMessage(multiple)).toBe('Choose at least one answer first.');
		expect(missingMessage(trueFalse)).toBe('Choose True or False first.');
		expect(missingMessage(text)).toBe('Type your answer first.');
		expect(missingMessage(order)).toBe('Put the items in order first.');
	});
});

describe('rightAnswer', () => {
	it('names the one right option', () => {
		expect(rightAnswer(single)).toEqual({
			intro: 'The right answer is:',
			items: ['kettle-river-piano'],
			ordered: false
		});
	});

	it("lists every right option of a multiple choice question, in the question's order", () => {
		expect(rightAnswer(multiple)).toEqual({
			intro: 'The right answers are:',
			items: ['Two-step sign-in', 'A different password for each account', 'A password manager'],
			ordered: false
		});
	});

	it('says True or False', () => {
		expect(rightAnswer(trueFalse).items).toEqual(['False']);
		expect(rightAnswer({ ...trueFalse, answer: true }).items).toEqual(['True']);
	});

	it('shows only the first accepted typed answer', () => {
		expect(rightAnswer(text)).toEqual({
			intro: 'The right answer is:',
			items: ['World Wide Web'],
			ordered: false
		});
	});

	it('gives the items of an order question in the right order, numbered', () => {
		expect(rightAnswer(order)).toEqual({
			intro: 'The right order is:',
			items: order.items,
			ordered: true
		});
	});
});
