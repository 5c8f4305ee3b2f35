/**
 * Wraps an async job so that runs never overlap and no call is lost: a call made while a run
 * is going makes exactly one more run after it. The last run so starts after the last call,
 * and the preview ends on the files as they were after the last save, whatever order the
 * dev server's answers would otherwise arrive in.
 */
export function oneAtATime(job: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | undefined;
	let again = false;
	return () => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			try {
				do {
					again = false;
					await job();
				} while (again);
			} finally {
				running = undefined;
			}
		})();
		return running;
	};
}
