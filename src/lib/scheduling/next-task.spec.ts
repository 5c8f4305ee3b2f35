import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
	it('resolves after the task that called it, not within it', async () => {
		const order: string[] = [];
		const queued = new Promise<void>((done) => setTimeout(() => (order.push('queued'), done()), 0));
		const yielded = nextTask({ setTimeout }).then(() => order.push('after yield'));
		void Promise.resolve().then(() => order.push('microtask'));
		await Promise.all([queued, yielded]);
		expect(order).toEqual(['microtask', 'queued', 'after yield']);
	});

	it("uses the browser's scheduler.yield where there is one", async () => {
		let yielded = 0;
		const scheduler = { yield: () => (yielded++, Promise.resolve()) };
		await nextTask({ scheduler, setTimeout });
		expect(yielded).toBe(1);
	});
});
