import { render, screen } from '@testing-library/svelte';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { tutorWords } from '$lib/tutor/tutor-words.svelte';
import CompletionChart from './CompletionChart.svelte';

/** The line's points, as [x, y] in the chart's units. */
function linePoints(): number[][] {
	const d = document.querySelector('path.line')?.getAttribute('d') ?? '';
	return [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('CompletionChart', () => {
	beforeAll(async () => {
		await i18n.use('en');
		await tutorWords.use('en');
	});

	it('draws a rising line, not a lone dot, when all the work was on one day', () => {
		render(CompletionChart, {
			points: [
				{ day: '2026-03-09', share: 0 },
				{ day: '2026-03-10', share: 0.375 }
			]
		});
		expect(linePoints()).toEqual([
			[0, 160],
			[600, 100]
		]);
		expect(document.querySelectorAll('circle.dot')).toHaveLength(2);
		const chart = screen.getByRole('img');
		expect(chart).toHaveAccessibleName('Cohort completion: 0% on 9 Mar, 38% on 10 Mar.');
		// The latest value is written on the chart, beside the end of the line.
		expect(chart.querySelector('text.value')).toHaveTextContent('38%');
	});

	it('marks each day of a short run, and only the last of a long one', () => {
		const days = (count: number) =>
			Array.from({ length: count }, (_, i) => ({
				day: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
				share: i / count
			}));
		const { unmount } = render(CompletionChart, { points: days(10) });
		expect(document.querySelectorAll('circle.dot')).toHaveLength(10);
		unmount();
		render(CompletionChart, { points: days(90) });
		expect(document.querySelectorAll('circle.dot')).toHaveLength(1);
		expect(linePoints()).toHaveLength(90);
	});

	it('says so, with no chart, before any lesson is done', () => {
		render(CompletionChart, { points: [] });
		expect(screen.queryByRole('img')).not.toBeInTheDocument();
		expect(
			screen.getByText('No lessons done yet: the chart starts with the first one.')
		).toBeVisible();
	});

	describe('in Arabic', () => {
		beforeAll(async () => {
			await i18n.use('ar');
			await tutorWords.use('ar');
		});
		afterAll(async () => {
			await i18n.use('en');
			await tutorWords.use('en');
		});

		it('runs from the right, with the percentages on the right, in Arabic words', () => {
			render(CompletionChart, {
				points: [
					{ day: '2026-03-09', share: 0 },
					{ day: '2026-03-10', share: 0.375 }
				]
			});
			expect(linePoints()).toEqual([
				[600, 160],
				[0, 100]
			]);
			const axis = document.querySelector('line.axis + line.axis');
			expect(axis?.getAttribute('x1')).toBe('600');
			expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^إنجاز المجموعة: /);
		});
	});
});
