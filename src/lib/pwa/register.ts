export interface ServiceWorkerEvents {
	/** A new version is installed and waiting; call `activate` when the learner agrees. */
	onUpdateReady(activate: () => void): void;
}

/**
 * Registers the Workbox service worker. A new version never takes over by itself: it waits
 * until the learner chooses to reload, so a half-answered quiz is never lost to a silent reload.
 */
export async function registerServiceWorker(events: ServiceWorkerEvents): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	// Loaded here, once the first screen is up: registering waits for it anyway, and its code
	// (2 KB gzip) then stays off the path to the first paint.
	const loaded = await import('workbox-window').catch((error: unknown) => {
		console.error('Clyde: the offline service worker could not be loaded', error);
	});
	if (!loaded) return;
	const wb = new loaded.Workbox('/sw.js', { scope: '/' });
	wb.addEventListener('waiting', () => {
		events.onUpdateReady(() => {
			wb.addEventListener('controlling', () => window.location.reload());
			wb.messageSkipWaiting();
		});
	});
	wb.register().catch((error: unknown) => {
		// The app still works online without a worker; offline use needs it, so say so.
		console.error('Clyde: the offline service worker could not be registered', error);
	});
}
