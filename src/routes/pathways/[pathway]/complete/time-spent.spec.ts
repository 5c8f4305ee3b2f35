import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { describeTime } from './time-spent';

beforeAll(() => i18n.use('en'));

describe('time spent on a pathway, in words', () => {
	it('gives the lessons’ time and the days it took', () => {
		expect(
			describeTime(
				{
					minutes: 95,
					startedAt: '2026-03-02T18:00:00.000Z',
					lastDoneAt: '2026-03-13T09:00:00.000Z'
				},
				'Europe/London'
			)
		).toBe('about 2 hours of lessons over 12 days');
	});

	it('counts calendar days where the learner is', () => {
		// 23:30 and 00:30 in Glasgow in summer: two days there, one in UTC.
		const late = {
			minutes: 10,
			startedAt: '2026-06-01T22:30:00.000Z',
			lastDoneAt: '2026-06-01T23:30:00.000Z'
		};
		expect(describeTime(late, 'Europe/London')).toBe('about 10 minutes of lessons over 2 days');
		expect(describeTime(late, 'UTC')).toBe('about 10 minutes of lessons in one day');
	});

	it('says one day, an hour and single minutes plainly', () => {
		const day = { startedAt: '2026-03-02T09:00:00.000Z', lastDoneAt: '2026-03-02T11:00:00.000Z' };
		expect(describeTime({ minutes: 75, ...day }, 'UTC')).toBe(
			'about an hour of lessons in one day'
		);
		expect(describeTime({ minutes: 1, ...day }, 'UTC')).toBe(
			'about 1 minute of lessons in one day'
		);
	});

	it('leaves the days out when it does not know them', () => {
		expect(describeTime({ minutes: 40 }, 'UTC')).toBe('about 40 minutes of lessons');
	});
});
