import { render, screen, within } from '@testing-library/svelte';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { OrderQuestion, Question, Quiz as QuizData } from '$lib/content/types';
import { shuffledOrder, type Answer, type Graded, type QuizScore } from './grade';
import Quiz from './Quiz.svelte';
import { nextLink } from './next-link.test-helper';

const SEED = 'learner-1:lesson-1';

const single: Question = {
	type: 'single',
	question: 'Which of these is the strongest password?',
	options: [
		{
			text: 'Password123',
			correct: false,
			feedback: 'This is one of the first passwords an attacker tries.'
		},
		{
			text: 'kettle-river-piano',
			correct: true,
			feedback: 'Yes. Three random words are long and hard to guess.'
		},
		{ text: "Your pet's name and birth year", correct: false }
	],
	explanation: 'Length makes a password hard to guess more than symbols do.'
};

const multiple: Question = {
	type: 'multiple',
	question: 'Which of these can help keep an account safe?',
	options: [
		{
			text: 'Two-step sign-in',
			correct: true,
			feedback: 'Yes. A code on your phone stops most break-ins.'
		},
		{
			text: 'A different password for each account',
			correct: true,
			feedback: 'Yes. One leak then opens only one account.'
		},
		{
			text: 'Writing your password in an email to yourself',
			correct: false,
			feedback: 'Anyone who gets into your email would find it.'
		}
	],
	explanation: 'Two-step sign-in and unique passwords protect you even if one password leaks.'
};

const trueFalse: Question = {
	type: 'true-false',
	question: 'Your bank may ask you for your full PIN by email.',
	answer: false,
	feedback: {
		true: 'Banks never ask for your PIN by email, text or phone.',
		false: 'Right. A bank will never ask for it.'
	},
	explanation: 'Anyone asking for your PIN is trying to steal from you.'
};

const text: Question = {
	type: 'text',
	question: 'What do the letters "www" stand for?',
	accept: ['World Wide Web', 'The web'],
	explanation: 'The World Wide Web is the part of the internet made of linked pages.'
};

const order: OrderQuestion = {
	type: 'order',
	question: 'Put these steps for sending an email in order.',
	items: [
		'Open your email app',
		'Press "New" or "Compose"',
		'Type the address, subject and message',
		'Press "Send"'
	],
	explanation: 'You write the message first, then send it.'
};

const fullQuiz: QuizData = {
	passPercent: 70,
	questions: [single, multiple, trueFalse, text, order]
};

function setup(
	quiz: QuizData,
	options: { onAnswer?: ReturnType<typeof answerMock>; next?: { href: string; label: string } } = {}
) {
	const user = userEvent.setup({ delay: null });
	const onAnswer = options.onAnswer ?? answerMock();
	const onComplete = vi.fn<(result: QuizScore) => Promise<void>>(async () => {});
	const next = options.next && nextLink(options.next.href, options.next.label);
	render(Quiz, { quiz, seed: SEED, onAnswer, onComplete, next });
	return { user, onAnswer, onComplete };
}

function answerMock() {
	return vi.fn<(index: number, answer: Answer, graded: Graded) => Promise<void>>(async () => {});
}

/** axe-core's WCAG 2.2 A and AA rules; jsdom has no layout, so colour contrast is left out. */
async function axeViolations(): Promise<string[]> {
	// axe probes a canvas for icon fonts; jsdom has none and would log that it is missing.
	const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
	const result = await axe.run(document.body, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
		rules: { 'color-contrast': { enabled: false } }
	});
	getContext.mockRestore();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`);
}

/** A promise the test settles itself. */
function deferred() {
	let resolve: () => void = () => {};
	let reject: (error: unknown) => void = () => {};
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const checkButton = () => screen.getByRole('button', { name: 'Check answer' });
const resultRegion = () => screen.getByRole('status');
/** The words of every mark on the question, top to bottom. */
const markTexts = () =>
	[...document.querySelectorAll('form .mark')].map((mark) => mark.textContent?.trim());

/** The order items as the learner sees them, top to bottom. */
function shownOrder(): string[] {
	const list = screen.getByRole('list');
	return within(list)
		.getAllByRole('listitem')
		.map((item) => item.firstElementChild?.textContent?.trim() ?? '');
}

/** Puts the order question's items in the given order using only the Move up buttons. */
async function arrange(user: UserEvent, wanted: string[]) {
	for (let target = 0; target < wanted.length; target++) {
		const item = wanted[target] as string;
		while (shownOrder().indexOf(item) > target) {
			await user.click(screen.getByRole('button', { name: `Move "${item}" up` }));
		}
	}
	expect(shownOrder()).toEqual(wanted);
}

/** Answers the current question right (or wrong) through the UI, without checking it. */
async function answer(user: UserEvent, question: Question, right: boolean) {
	switch (question.type) {
		case 'single':
			await user.click(
				screen.getByRole('radio', { name: right ? 'kettle-river-piano' : 'Password123' })
			);
			return;
		case 'multiple':
			await user.click(screen.getByRole('checkbox', { name: 'Two-step sign-in' }));
			await user.click(
				screen.getByRole('checkbox', {
					name: right
						? 'A different password for each account'
						: 'Writing your password in an email to yourself'
				})
			);
			return;
		case 'true-false':
			await user.click(screen.getByRole('radio', { name: right ? 'False' : 'True' }));
			return;
		case 'text':
			await user.type(
				screen.getByRole('textbox', { name: 'Your answer' }),
				right ? '  world wide web. ' : 'World Wide Wait'
			);
			return;
		case 'order': {
			const wanted = [...order.items];
			if (!right) [wanted[0], wanted[1]] = [wanted[1] as string, wanted[0] as string];
			await arrange(user, wanted);
			return;
		}
	}
}

describe('Quiz: a whole quiz', () => {
	it('goes one question at a time, saves each answer, and shows a passing score', async () => {
		const next = { href: '/pathways/p/m/spotting-scams', label: 'Next lesson: Spotting scams' };
		const { user, onAnswer, onComplete } = setup(fullQuiz, { next });
		const rights = [true, true, true, false, true];

		for (const [index, question] of fullQuiz.questions.entries()) {
			const group = screen.getByRole('group', { name: new RegExp(`^Question ${index + 1} of 5`) });
			expect(group).toHaveAccessibleName(`Question ${index + 1} of 5 ${question.question}`);
			if (index > 0) expect(document.activeElement?.tagName).toBe('LEGEND');

			await answer(user, question, rights[index] as boolean);
			await user.click(checkButton());
			await within(resultRegion()).findByText(rights[index] ? 'Right' : 'Not quite');
			expect(onAnswer).toHaveBeenCalledTimes(index + 1);
			expect(onAnswer.mock.lastCall?.[0]).toBe(index);
			expect(onAnswer.mock.lastCall?.[2].correct).toBe(rights[index]);

			const last = index === fullQuiz.questions.length - 1;
			const next = screen.getByRole('button', {
				name: last ? 'See your result' : 'Next question'
			});
			expect(next).toHaveFocus();
			expect(screen.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();
			await user.click(next);
		}

		const heading = await screen.findByRole('heading', { name: 'Your result' });
		expect(heading).toHaveFocus();
		expect(screen.getByText('You got 4 of 5 right (80%).')).toBeVisible();
		expect(screen.getByText('The pass mark is 70%.')).toBeVisible();
		expect(screen.getByRole('status')).toHaveTextContent('Well done! You passed.');
		expect(document.querySelector('svg.celebration')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: next.label })).toHaveAttribute('href', next.href);
		// The one question missed, with its right answer and why.
		const review = screen.getByRole('region', { name: 'The question to look at again' });
		expect(within(review).getAllByRole('listitem')[0]).toHaveTextContent(
			`${text.question} The right answer is: World Wide Web ${text.explanation}`
		);
		expect(onComplete).toHaveBeenCalledExactlyOnceWith({
			correct: 4,
			total: 5,
			percent: 80,
			passed: true
		});
	}, 30_000);

	it('says kindly when the pass mark is not reached, and Try again starts over cleared', async () => {
		const { user, onAnswer, onComplete } = setup(fullQuiz);
		const rights = [false, true, false, true, true];

		for (const [index, question] of fullQuiz.questions.entries()) {
			await answer(user, question, rights[index] as boolean);
			await user.click(checkButton());
			await user.click(
				await screen.findByRole('button', { name: /^(Next question|See your result)$/ })
			);
		}

		expect(await screen.findByText('You got 3 of 5 right (60%).')).toBeVisible();
		expect(
			screen.getByText('Not passed yet. The pass mark is 70%. Try again when you are ready.')
		).toBeVisible();
		expect(document.querySelector('svg.celebration')).not.toBeInTheDocument();
		expect(screen.getByRole('status').textContent).toBe('');
		const review = screen.getByRole('region', { name: 'Questions to look at again' });
		expect(
			within(review)
				.getAllByRole('listitem')
				.filter((item) => item.parentElement?.parentElement === review)
				.map((item) => item.querySelector('.question')?.textContent)
		).toEqual([single.question, trueFalse.question]);
		expect(onComplete).toHaveBeenCalledExactlyOnceWith({
			correct: 3,
			total: 5,
			percent: 60,
			passed: false
		});

		await user.click(screen.getByRole('button', { name: 'Try again' }));
		expect(screen.queryByRole('heading', { name: 'Your result' })).not.toBeInTheDocument();
		const group = screen.getByRole('group', { name: /^Question 1 of 5/ });
		expect(group.querySelector('legend')).toHaveFocus();
		for (const radio of screen.getAllByRole('radio')) {
			expect(radio).not.toBeChecked();
			expect(radio).toBeEnabled();
		}
		expect(resultRegion()).toBeEmptyDOMElement();

		// The second attempt is scored on its own answers.
		for (const question of fullQuiz.questions) {
			await answer(user, question, true);
			await user.click(checkButton());
			await user.click(
				await screen.findByRole('button', { name: /^(Next question|See your result)$/ })
			);
		}
		expect(await screen.findByText('You got 5 of 5 right (100%).')).toBeVisible();
		expect(screen.getByText('The pass mark is 70%.')).toBeVisible();
		expect(onComplete).toHaveBeenLastCalledWith({
			correct: 5,
			total: 5,
			percent: 100,
			passed: true
		});
		expect(onAnswer).toHaveBeenCalledTimes(10);
	}, 30_000);

	it('passes answers to onAnswer as plain data that the phone can store', async () => {
		const { user, onAnswer } = setup(fullQuiz);
		for (const question of fullQuiz.questions) {
			await answer(user, question, true);
			await user.click(checkButton());
			await user.click(
				await screen.findByRole('button', { name: /^(Next question|See your result)$/ })
			);
		}
		await screen.findByRole('heading', { name: 'Your result' });
		expect(onAnswer.mock.calls.map(([index, given]) => [index, given])).toEqual([
			[0, { type: 'single', option: 1 }],
			[1, { type: 'multiple', options: [0, 1] }],
			[2, { type: 'true-false', value: false }],
			[3, { type: 'text', text: '  world wide web. ' }],
			[4, { type: 'order', order: [0, 1, 2, 3] }]
		]);
		// IndexedDB stores by structured clone, which fails on Svelte's $state proxies.
		for (const call of onAnswer.mock.calls) expect(() => structuredClone(call)).not.toThrow();
	}, 30_000);
});

describe('Quiz: each type of question', () => {
	it('single choice, right: says so, with the option feedback and the explanation', async () => {
		const { user, onAnswer } = setup({ passPercent: 70, questions: [single] });
		expect(screen.getAllByRole('radio')).toHaveLength(3);
		await answer(user, single, true);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Right')).toBeVisible();
		expect(result).toHaveTextContent('Length makes a password hard to guess more than symbols do.');
		expect(result).not.toHaveTextContent('The right answer');
		for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
		const chosen = screen.getByRole('radio', { name: 'kettle-river-piano' });
		expect(chosen).toBeChecked();
		// The mark and the option's feedback sit on the option, and describe its radio.
		expect(chosen).toHaveAccessibleDescription(
			'Your answer — right Yes. Three random words are long and hard to guess.'
		);
		expect(markTexts()).toHaveLength(1);
		expect(screen.getByRole('radio', { name: 'Password123' })).not.toHaveAccessibleDescription();
		expect(onAnswer).toHaveBeenCalledExactlyOnceWith(
			0,
			{ type: 'single', option: 1 },
			{
				correct: true,
				explanation: 'Length makes a password hard to guess more than symbols do.'
			}
		);
	});

	it('single choice, wrong: says not quite and shows the right answer', async () => {
		const { user } = setup({ passPercent: 70, questions: [single] });
		await answer(user, single, false);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Not quite')).toBeVisible();
		expect(result).toHaveTextContent('The right answer is: kettle-river-piano');
		expect(result).toHaveTextContent('Length makes a password hard to guess');
		expect(screen.getByRole('radio', { name: 'Password123' })).toHaveAccessibleDescription(
			'Your answer — not right This is one of the first passwords an attacker tries.'
		);
		// The right option is shown as the right answer, without the praise written for choosing it.
		expect(screen.getByRole('radio', { name: 'kettle-river-piano' })).toHaveAccessibleDescription(
			'Right answer'
		);
		expect(screen.queryByText(/Three random words/)).not.toBeInTheDocument();
		expect(markTexts()).toEqual([
			'Your answer — not right This is one of the first passwords an attacker tries.',
			'Right answer'
		]);
	});

	it('multiple choice: tells the learner to choose all that apply', () => {
		setup({ passPercent: 70, questions: [multiple] });
		const group = screen.getByRole('group');
		expect(screen.getAllByRole('checkbox')).toHaveLength(3);
		expect(group).toHaveAccessibleDescription('Choose all that apply.');
	});

	it('multiple choice, right', async () => {
		const { user, onAnswer } = setup({ passPercent: 70, questions: [multiple] });
		await answer(user, multiple, true);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Right')).toBeVisible();
		expect(result).not.toHaveTextContent('The right answers');
		expect(result).toHaveTextContent('Two-step sign-in and unique passwords protect you');
		expect(markTexts()).toEqual([
			'Your answer — right Yes. A code on your phone stops most break-ins.',
			'Your answer — right Yes. One leak then opens only one account.'
		]);
		for (const box of screen.getAllByRole('checkbox')) expect(box).toBeDisabled();
		expect(onAnswer.mock.lastCall?.[1]).toEqual({ type: 'multiple', options: [0, 1] });
	});

	it('multiple choice, wrong: marks each choice, the right one left out, and lists the right answers', async () => {
		const { user } = setup({ passPercent: 70, questions: [multiple] });
		await answer(user, multiple, false);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Not quite')).toBeVisible();
		expect(screen.getByRole('checkbox', { name: 'Two-step sign-in' })).toHaveAccessibleDescription(
			'Your answer — right Yes. A code on your phone stops most break-ins.'
		);
		expect(
			screen.getByRole('checkbox', { name: 'Writing your password in an email to yourself' })
		).toHaveAccessibleDescription(
			'Your answer — not right Anyone who gets into your email would find it.'
		);
		// Never praise ("Yes. …") under "Not quite" for an option the learner did not tick.
		expect(
			screen.getByRole('checkbox', { name: 'A different password for each account' })
		).toHaveAccessibleDescription('Right answer');
		expect(screen.queryByText(/One leak then opens/)).not.toBeInTheDocument();
		expect(within(result).getByText('The right answers are:')).toBeVisible();
		expect(
			within(within(result).getByRole('list'))
				.getAllByRole('listitem')
				.map((item) => item.textContent)
		).toEqual(['Two-step sign-in', 'A different password for each account']);
	});

	it('true or false: radio buttons labelled True and False; right', async () => {
		const { user } = setup({ passPercent: 70, questions: [trueFalse] });
		const radios = screen.getAllByRole('radio');
		expect(radios).toEqual([
			screen.getByRole('radio', { name: 'True' }),
			screen.getByRole('radio', { name: 'False' })
		]);
		expect(radios[0]?.getAttribute('name')).toBe(radios[1]?.getAttribute('name'));
		await answer(user, trueFalse, true);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Right')).toBeVisible();
		expect(result).toHaveTextContent('Anyone asking for your PIN is trying to steal from you.');
		expect(screen.getByRole('radio', { name: 'False' })).toBeDisabled();
		expect(screen.getByRole('radio', { name: 'False' })).toHaveAccessibleDescription(
			'Your answer — right Right. A bank will never ask for it.'
		);
		expect(markTexts()).toHaveLength(1);
	});

	it('true or false, wrong: shows the feedback for the choice and the right answer', async () => {
		const { user, onAnswer } = setup({ passPercent: 70, questions: [trueFalse] });
		await answer(user, trueFalse, false);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Not quite')).toBeVisible();
		expect(result).toHaveTextContent('The right answer is: False');
		expect(screen.getByRole('radio', { name: 'True' })).toHaveAccessibleDescription(
			'Your answer — not right Banks never ask for your PIN by email, text or phone.'
		);
		expect(screen.getByRole('radio', { name: 'False' })).toHaveAccessibleDescription(
			'Right answer'
		);
		expect(screen.queryByText('Right. A bank will never ask for it.')).not.toBeInTheDocument();
		expect(onAnswer.mock.lastCall?.[1]).toEqual({ type: 'true-false', value: true });
	});

	it('typed answer: a labelled text box without autocomplete; right despite case and spaces', async () => {
		const { user } = setup({ passPercent: 70, questions: [text] });
		const box = screen.getByRole('textbox', { name: 'Your answer' });
		expect(box).toHaveAttribute('autocomplete', 'off');
		await answer(user, text, true);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Right')).toBeVisible();
		expect(result).toHaveTextContent('The World Wide Web is the part of the internet');
		expect(box).toBeDisabled();
		expect(box).toHaveAccessibleDescription('Your answer — right');
	});

	it('typed answer, wrong: shows the first accepted answer; Enter checks it', async () => {
		const { user } = setup({ passPercent: 70, questions: [text] });
		await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'World Wide Wait{Enter}');

		const result = resultRegion();
		expect(await within(result).findByText('Not quite')).toBeVisible();
		expect(result).toHaveTextContent('The right answer is: World Wide Web');
		expect(result).not.toHaveTextContent('The web');
		expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveAccessibleDescription(
			'Your answer — not right'
		);
	});

	it('order: starts shuffled by the seed, never already in order', () => {
		setup({ passPercent: 70, questions: [order] });
		const expected = shuffledOrder(4, `${SEED}0`).map((i) => order.items[i]);
		expect(shownOrder()).toEqual(expected);
		expect(shownOrder()).not.toEqual(order.items);
	});

	it('order, right', async () => {
		const { user, onAnswer } = setup({ passPercent: 70, questions: [order] });
		await answer(user, order, true);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Right')).toBeVisible();
		expect(result).toHaveTextContent('You write the message first, then send it.');
		expect(result).not.toHaveTextContent('The right order');
		// Once checked the items stay put: the move buttons give way to a mark on each place.
		expect(screen.queryAllByRole('button', { name: /^Move / })).toEqual([]);
		expect(markTexts()).toEqual(order.items.map(() => 'Right place'));
		expect(onAnswer.mock.lastCall?.[1]).toEqual({ type: 'order', order: [0, 1, 2, 3] });
	});

	it('order, wrong: shows the right order', async () => {
		const { user } = setup({ passPercent: 70, questions: [order] });
		await answer(user, order, false);
		await user.click(checkButton());

		const result = resultRegion();
		expect(await within(result).findByText('Not quite')).toBeVisible();
		// The first two were swapped: each says where it goes.
		expect(markTexts()).toEqual([
			'Not right — it goes at number 2',
			'Not right — it goes at number 1',
			'Right place',
			'Right place'
		]);
		expect(within(result).getByText('The right order is:')).toBeVisible();
		expect(
			within(within(result).getByRole('list'))
				.getAllByRole('listitem')
				.map((item) => item.textContent)
		).toEqual(order.items);
	});
});

describe('Quiz: moving items in an order question', () => {
	it('moves items up and down, announces the new place, and keeps focus on the item', async () => {
		const { user } = setup({ passPercent: 70, questions: [order] });
		const start = shownOrder();
		const [first, second, , last] = start as [string, string, string, string];
		const announcer = screen.getByText('', { selector: '[aria-live="polite"]' });

		// Disabled at the ends.
		expect(screen.getByRole('button', { name: `Move "${first}" up` })).toBeDisabled();
		expect(screen.getByRole('button', { name: `Move "${first}" down` })).toBeEnabled();
		expect(screen.getByRole('button', { name: `Move "${last}" down` })).toBeDisabled();
		expect(screen.getByRole('button', { name: `Move "${last}" up` })).toBeEnabled();

		// Down: the first item swaps with the second.
		await user.click(screen.getByRole('button', { name: `Move "${first}" down` }));
		expect(shownOrder()).toEqual([second, first, start[2], last]);
		expect(announcer).toHaveTextContent(`"${first}" is now number 2 of 4.`);
		expect(screen.getByRole('button', { name: `Move "${first}" down` })).toHaveFocus();

		// Up: back to the top, where Move up is disabled, so focus moves to Move down.
		await user.click(screen.getByRole('button', { name: `Move "${first}" up` }));
		expect(shownOrder()).toEqual(start);
		expect(announcer).toHaveTextContent(`"${first}" is now number 1 of 4.`);
		expect(screen.getByRole('button', { name: `Move "${first}" up` })).toBeDisabled();
		expect(screen.getByRole('button', { name: `Move "${first}" down` })).toHaveFocus();

		// Down to the bottom with the keyboard; focus ends on Move up.
		await user.keyboard('{Enter}{Enter}{Enter}');
		expect(shownOrder()).toEqual([second, start[2], last, first]);
		expect(announcer).toHaveTextContent(`"${first}" is now number 4 of 4.`);
		expect(screen.getByRole('button', { name: `Move "${first}" down` })).toBeDisabled();
		expect(screen.getByRole('button', { name: `Move "${first}" up` })).toHaveFocus();
	});
});

describe('Quiz: saving', () => {
	it('waits for the answer to be saved before showing the result', async () => {
		const saved = deferred();
		const onAnswer = answerMock().mockReturnValue(saved.promise);
		const { user } = setup({ passPercent: 70, questions: [single, trueFalse] }, { onAnswer });
		await answer(user, single, true);
		await user.click(checkButton());

		expect(onAnswer).toHaveBeenCalledOnce();
		// Not yet saved: no result, no way on, and the choice cannot change.
		await tick();
		expect(resultRegion()).toBeEmptyDOMElement();
		expect(screen.queryByRole('button', { name: 'Next question' })).not.toBeInTheDocument();
		expect(screen.getByRole('radio', { name: 'Password123' })).toBeDisabled();

		// A second press while saving does not save twice.
		await user.click(checkButton());
		expect(onAnswer).toHaveBeenCalledOnce();

		saved.resolve();
		expect(await within(resultRegion()).findByText('Right')).toBeVisible();
		expect(screen.getByRole('button', { name: 'Next question' })).toHaveFocus();
	});

	it('says when the answer could not be saved, shows no result, and lets the learner retry', async () => {
		const onAnswer = answerMock()
			.mockRejectedValueOnce(new Error('The storage is full'))
			.mockResolvedValueOnce(undefined);
		const { user } = setup({ passPercent: 70, questions: [single] }, { onAnswer });
		await answer(user, single, false);
		await user.click(checkButton());

		expect(
			await screen.findByText(
				'Your answer could not be saved on this phone: The storage is full. Try again.'
			)
		).toHaveAttribute('role', 'alert');
		expect(resultRegion()).toBeEmptyDOMElement();
		expect(screen.getByRole('radio', { name: 'Password123' })).toBeEnabled();
		expect(screen.getByRole('radio', { name: 'Password123' })).toBeChecked();

		await user.click(checkButton());
		expect(await within(resultRegion()).findByText('Not quite')).toBeVisible();
		expect(screen.queryByText(/could not be saved/)).not.toBeInTheDocument();
		expect(onAnswer).toHaveBeenCalledTimes(2);
	});

	it('waits for the score to be saved, and says if it could not be', async () => {
		const { user, onComplete } = setup({ passPercent: 100, questions: [trueFalse] });
		const saved = deferred();
		onComplete.mockRejectedValueOnce(new Error('Disk error.')).mockReturnValueOnce(saved.promise);
		await answer(user, trueFalse, true);
		await user.click(checkButton());
		await user.click(await screen.findByRole('button', { name: 'See your result' }));

		expect(
			await screen.findByText(
				'Your result could not be saved on this phone: Disk error. Try again.'
			)
		).toBeVisible();
		expect(screen.queryByRole('heading', { name: 'Your result' })).not.toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'See your result' }));
		expect(onComplete).toHaveBeenCalledTimes(2);
		await tick();
		expect(screen.queryByRole('heading', { name: 'Your result' })).not.toBeInTheDocument();

		saved.resolve();
		expect(await screen.findByRole('heading', { name: 'Your result' })).toHaveFocus();
		expect(screen.getByText('You got 1 of 1 right (100%).')).toBeVisible();
		expect(screen.getByText('The pass mark is 100%.')).toBeVisible();
	});
});

describe('Quiz: checking with no answer', () => {
	it.each([
		{ question: single, role: 'group', message: 'Choose an answer first.' },
		{ question: multiple, role: 'group', message: 'Choose at least one answer first.' },
		{ question: trueFalse, role: 'group', message: 'Choose True or False first.' },
		{ question: text, role: 'textbox', message: 'Type your answer first.' }
	] as const)(
		'$question.type: asks for an answer instead of checking',
		async ({ question, role, message }) => {
			const { user, onAnswer } = setup({ passPercent: 70, questions: [question] });
			await user.click(checkButton());

			const error = screen.getByText(message);
			expect(error).toHaveAttribute('role', 'alert');
			const described = screen.getByRole(role);
			expect(described.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
			expect(described).toHaveAccessibleDescription(expect.stringContaining(message));
			expect(onAnswer).not.toHaveBeenCalled();
			expect(resultRegion()).toBeEmptyDOMElement();
			expect(checkButton()).toBeInTheDocument();

			// Answering clears the message, and checking then works.
			await answer(user, question, true);
			expect(screen.queryByText(message)).not.toBeInTheDocument();
			await user.click(checkButton());
			expect(await within(resultRegion()).findByText('Right')).toBeVisible();
		}
	);

	it('does not count spaces as a typed answer', async () => {
		const { user, onAnswer } = setup({ passPercent: 70, questions: [text] });
		const box = screen.getByRole('textbox', { name: 'Your answer' });
		await user.type(box, '   {Enter}');
		expect(screen.getByText('Type your answer first.')).toBeVisible();
		expect(box).toHaveAttribute('aria-invalid', 'true');
		expect(onAnswer).not.toHaveBeenCalled();
	});
});

describe('Quiz: accessibility', () => {
	it('has no axe-core violations at any step, for any type of question', async () => {
		const { user } = setup(fullQuiz);
		for (const [index, question] of fullQuiz.questions.entries()) {
			expect(await axeViolations()).toEqual([]);
			if (question.type !== 'order') {
				await user.click(checkButton());
				expect(await axeViolations()).toEqual([]);
			}
			await answer(user, question, index % 2 === 0);
			await user.click(checkButton());
			await user.click(
				await screen.findByRole('button', { name: /^(Next question|See your result)$/ })
			);
		}
		await screen.findByRole('heading', { name: 'Your result' });
		expect(await axeViolations()).toEqual([]);
	}, 30_000);
});
