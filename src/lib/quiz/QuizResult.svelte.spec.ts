import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { QuizScore } from './grade';
import { nextLink } from './next-link.test-helper';
import QuizResult from './QuizResult.svelte';
import type { Missed } from './review';

const PASS: QuizScore = { correct: 4, total: 5, percent: 80, passed: true };
const FAIL: QuizScore = { correct: 2, total: 5, percent: 40, passed: false };
const NEXT = { href: '/pathways/p/m/spotting-scams', label: 'Next lesson: Spotting scams' };
const MISSED: Missed[] = [
	{
		number: 2,
		question: 'Put these steps in order.',
		right: { intro: 'The right order is:', items: ['Open', 'Write', 'Send'], ordered: true },
		explanation: 'You write first, then send.'
	},
	{
		number: 4,
		question: 'Which account needs the strongest password?',
		right: { intro: 'The right answer is:', items: ['Your email'], ordered: false }
	}
];

function setup(score: QuizScore, next?: typeof NEXT, missed: Missed[] = MISSED) {
	const onRetry = vi.fn();
	render(QuizResult, {
		score,
		passPercent: 70,
		missed,
		next: next && nextLink(next.href, next.label),
		onRetry
	});
	return { onRetry, user: userEvent.setup({ delay: null }) };
}

/** The result's buttons and links, in order, as "role:name". */
const actions = () =>
	[...document.querySelectorAll('.actions > *')].map(
		(el) => `${el.tagName === 'A' ? 'link' : 'button'}:${el.textContent?.trim()}`
	);

describe('QuizResult', () => {
	it('after a pass: a celebration, said politely, then the next lesson first and Try again second', async () => {
		const { onRetry, user } = setup(PASS, NEXT);
		const cheer = screen.getByRole('status');
		// Filled after it is on screen, so screen readers read it out.
		await tick();
		expect(cheer).toHaveTextContent('Well done! You passed.');
		expect(cheer).not.toHaveAttribute('aria-live', 'assertive');
		expect(document.querySelector('svg.celebration')).toHaveAttribute('aria-hidden', 'true');
		expect(actions()).toEqual(['link:Next lesson: Spotting scams', 'button:Try again']);
		expect(screen.getByRole('link', { name: NEXT.label })).toHaveAttribute('href', NEXT.href);
		expect(screen.getByRole('link', { name: NEXT.label })).not.toHaveClass('secondary');
		expect(screen.getByRole('button', { name: 'Try again' })).toHaveClass('secondary');
		await user.click(screen.getByRole('button', { name: 'Try again' }));
		expect(onRetry).toHaveBeenCalledOnce();
	});

	it('after a fail: no celebration; Try again first, the next lesson still offered second', async () => {
		setup(FAIL, NEXT);
		await tick();
		expect(screen.getByRole('status').textContent).toBe('');
		expect(document.querySelector('svg.celebration')).not.toBeInTheDocument();
		expect(actions()).toEqual(['button:Try again', 'link:Next lesson: Spotting scams']);
		expect(screen.getByRole('button', { name: 'Try again' })).not.toHaveClass('secondary');
		expect(screen.getByRole('link', { name: NEXT.label })).toHaveClass('secondary');
	});

	it('with no next step (the last lesson), offers Try again alone', () => {
		setup(PASS);
		expect(actions()).toEqual(['button:Try again']);
	});

	it('lists the questions missed, numbered as in the quiz, with right answers and why', () => {
		setup(FAIL, NEXT);
		const review = screen.getByRole('region', { name: 'Questions to look at again' });
		const items = review.querySelectorAll(':scope > ol > li');
		expect([...items].map((li) => li.getAttribute('value'))).toEqual(['2', '4']);
		const order = within(items[0] as HTMLElement);
		expect(order.getByText('The right order is:')).toBeVisible();
		expect(order.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
			'Open',
			'Write',
			'Send'
		]);
		expect(order.getByRole('list').tagName).toBe('OL');
		expect(order.getByText('You write first, then send.')).toBeVisible();
		expect(items[1]).toHaveTextContent(
			'Which account needs the strongest password? The right answer is: Your email'
		);
	});

	it('has no review when nothing was missed', () => {
		setup({ correct: 5, total: 5, percent: 100, passed: true }, NEXT, []);
		expect(screen.queryByRole('region', { name: /look at again/ })).not.toBeInTheDocument();
		expect(screen.getByText('You got 5 of 5 right (100%).')).toBeVisible();
	});
});
