/**
 * Resolves in a task of its own, so that the work after it does not lengthen the task that is
 * running: a long task blocks taps and counts against the first visit (Lighthouse's total
 * blocking time). `scheduler.yield` (Chromium 129+) keeps the work's place ahead of other
 * queued tasks; elsewhere a timer does the same job.
 */
export function nextTask(target: TaskTarget = globalThis): Promise<void> {
	if (target.scheduler?.yield) return target.scheduler.yield();
	return new Promise((done) => target.setTimeout(done, 0));
}

export interface TaskTarget {
	scheduler?: { yield?: () => Promise<void> };
	setTimeout: (handler: () => void, timeout: number) => unknown;
}
