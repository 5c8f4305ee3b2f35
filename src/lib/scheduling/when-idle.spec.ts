import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle, type IdleTarget } from './when-idle';

function timersOnly(): IdleTarget {
	return { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout } as IdleTarget;
}

describe('whenIdle', () => {
	afterEach(() => vi.useRealTimers());

	it('asks for an idle callback with the time limit, and runs the task in it', () => {
		let idle: (() => void) | undefined;
		const target = {
			...timersOnly(),
			requestIdleCallback: vi.fn((run: () => void) => ((idle = run), 7)),
			cancelIdleCallback: vi.fn()
		} as unknown as IdleTarget;
		const task = vi.fn();
		const cancel = whenIdle(task, 1500, target);
		expect(target.requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), {
			timeout: 1500
		});
		expect(task).not.toHaveBeenCalled();
		idle?.();
		expect(task).toHaveBeenCalledOnce();
		cancel();
		expect(target.cancelIdleCallback).toHaveBeenCalledWith(7);
	});

	it('falls back to a short timer where there are no idle callbacks, and can be cancelled', () => {
		vi.useFakeTimers();
		const task = vi.fn();
		whenIdle(task, 2000, timersOnly());
		vi.advanceTimersByTime(199);
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1);
		expect(task).toHaveBeenCalledOnce();

		const never = vi.fn();
		whenIdle(never, 2000, timersOnly())();
		vi.advanceTimersByTime(1000);
		expect(never).not.toHaveBeenCalled();
	});
});
