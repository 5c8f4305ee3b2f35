/**
 * Runs `task` once the main thread is idle, or after `timeout` ms at the latest: for work the
 * first screen does not need (registering the service worker, starting sync, refreshing
 * badges), so that on a slow phone it does not stand between opening the app and reading.
 * Returns a function that cancels it if it has not run yet.
 */
export function whenIdle(
	task: () => void,
	timeout = 2000,
	target: IdleTarget = window
): () => void {
	if (target.requestIdleCallback) {
		const id = target.requestIdleCallback(() => task(), { timeout });
		return () => target.cancelIdleCallback?.(id);
	}
	// No idle callbacks (Safari before 18.4): soon after the current work instead.
	const id = target.setTimeout(() => task(), 200);
	return () => target.clearTimeout(id);
}

export type IdleTarget = Pick<Window, 'setTimeout' | 'clearTimeout'> &
	Partial<Pick<Window, 'requestIdleCallback' | 'cancelIdleCallback'>>;
