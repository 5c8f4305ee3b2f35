import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import type { Question } from '$lib/content/types';
import { missedQuestions } from './review';

beforeAll(() => i18n.use('en'));

const questions: Question[] = [
	{
		type: 'single',
		question: 'Which is the strongest password?',
		options: [
			{ text: 'Password123', correct: false },
			{ text: 'cactus lemon harbour', correct: true }
		],
		explanation: 'Long and not about you.'
	},
	{ type: 'true-false', question: 'Banks ask for your PIN by email.', answer: false },
	{ type: 'text', question: 'What does www stand for?', accept: ['World Wide Web', 'the web'] },
	{ type: 'order', question: 'Put these in order.', items: ['Open', 'Write', 'Send'] }
];

describe('missedQuestions', () => {
	it('lists the questions answered wrong, numbered as shown, with the right answer', () => {
		expect(missedQuestions(questions, [false, true, false, true])).toEqual([
			{
				number: 1,
				question: 'Which is the strongest password?',
				right: { intro: 'The right answer is:', items: ['cactus lemon harbour'], ordered: false },
				explanation: 'Long and not about you.'
			},
			{
				number: 3,
				question: 'What does www stand for?',
				right: { intro: 'The right answer is:', items: ['World Wide Web'], ordered: false }
			}
		]);
	});

	it('is empty when every answer was right', () => {
		expect(missedQuestions(questions, [true, true, true, true])).toEqual([]);
	});

	it('counts a question with no result (never answered) as missed', () => {
		expect(missedQuestions(questions, [true, true]).map((m) => m.number)).toEqual([3, 4]);
	});

	it('gives an order question its items in the right order, numbered', () => {
		expect(missedQuestions(questions, [true, true, true, false])[0]?.right).toEqual({
			intro: 'The right order is:',
			items: ['Open', 'Write', 'Send'],
			ordered: true
		});
	});
});
