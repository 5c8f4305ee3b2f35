import { Workbox } from 'workbox-window';

export interface ServiceWorkerEvents {
	/** A new version is installed and waiting; call `activate` when the learner agrees. */
	onUpdateReady(activate: () => void): void;
}

/**
 * Registers the Workbox service worker. A new version never takes over by itself: it waits
 * until the learner chooses to reload, so a half-answered quiz is never lost to a silent reload.
 */
export function registerServiceWorker(events: ServiceWorkerEvents): void {
	if (!('serviceWorker' in navigator)) return;
	const wb = new Workbox('/sw.js', { scope: '/' });
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
