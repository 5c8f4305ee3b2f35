import { describe, expect, it, vi } from 'vitest';
import { afterEachPaint, type FrameTarget } from './after-each-paint';

/** Frames and tasks queued by hand, so the test says when each runs. */
function queues() {
	const frames: (() => void)[] = [];
	const tasks: (() => void)[] = [];
	const target = {
		requestAnimationFrame: (run: () => void) => frames.push(run),
		cancelAnimationFrame: vi.fn(),
		setTimeout: (run: () => void) => tasks.push(run),
		clearTimeout: vi.fn()
	} as unknown as FrameTarget;
	/** One frame painted, then the task queued in it. */
	const paint = () => {
		frames.shift()?.();
		tasks.shift()?.();
	};
	return { target, frames, tasks, paint };
}

describe('afterEachPaint', () => {
	it('runs the step after each paint until it says it is done', () => {
		const { target, frames, paint } = queues();
		let left = 3;
		const step = vi.fn(() => --left > 0);
		afterEachPaint(step, target);
		expect(step).not.toHaveBeenCalled();
		paint();
		expect(step).toHaveBeenCalledTimes(1);
		paint();
		paint();
		expect(step).toHaveBeenCalledTimes(3);
		expect(frames).toHaveLength(0);
		paint();
		expect(step).toHaveBeenCalledTimes(3);
	});

	it('stops when told, even with a step already queued after a frame', () => {
		const { target, frames, tasks } = queues();
		const step = vi.fn(() => true);
		const stop = afterEachPaint(step, target);
		frames.shift()?.();
		stop();
		tasks.shift()?.();
		expect(step).not.toHaveBeenCalled();
		expect(target.cancelAnimationFrame).toHaveBeenCalled();
		expect(target.clearTimeout).toHaveBeenCalled();
	});
});
