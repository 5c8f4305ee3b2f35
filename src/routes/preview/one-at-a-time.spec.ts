import { describe, expect, it } from 'vitest';
import { oneAtATime } from './one-at-a-time';

/** A job whose runs the test finishes one by one, and which says when each run starts. */
function controlledJob() {
	const finishers: Array<() => void> = [];
	const waiting: Array<{ runs: number; started: () => void }> = [];
	let active = 0;
	let mostAtOnce = 0;
	const job = () =>
		new Promise<void>((finish) => {
			active += 1;
			mostAtOnce = Math.max(mostAtOnce, active);
			finishers.push(() => {
				active -= 1;
				finish();
			});
			for (const w of waiting.filter((w) => w.runs <= finishers.length)) w.started();
		});
	const runsStarted = (runs: number) =>
		new Promise<void>((started) => {
			if (finishers.length >= runs) started();
			else waiting.push({ runs, started });
		});
	return { job, finishers, runsStarted, mostAtOnce: () => mostAtOnce };
}

describe('oneAtATime', () => {
	it('runs once more after a run that was called during, however many calls came', async () => {
		const { job, finishers, runsStarted, mostAtOnce } = controlledJob();
		const run = oneAtATime(job);
		const first = run();
		run();
		run();
		const last = run();
		expect(finishers).toHaveLength(1);

		finishers[0]?.();
		await runsStarted(2);
		finishers[1]?.();
		await Promise.all([first, last]);
		expect(finishers).toHaveLength(2);
		expect(mostAtOnce()).toBe(1);
	});

	it('starts afresh when called after everything finished', async () => {
		const { job, finishers } = controlledJob();
		const run = oneAtATime(job);
		const first = run();
		finishers[0]?.();
		await first;
		const second = run();
		expect(finishers).toHaveLength(2);
		finishers[1]?.();
		await second;
	});

	it('still takes calls after a run fails', async () => {
		let calls = 0;
		const run = oneAtATime(async () => {
			calls += 1;
			if (calls === 1) throw new Error('the dev server went away');
		});
		await expect(run()).rejects.toThrow('the dev server went away');
		await run();
		expect(calls).toBe(2);
	});
});
