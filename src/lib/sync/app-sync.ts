import type { LearnerApi } from '$lib/api/learner-api';
import type { ClydeDatabase } from '$lib/db/database';
import { i18n } from '$lib/i18n/i18n.svelte';
import { SyncEngine } from './sync-engine';

let engine: SyncEngine | undefined;

/** The app's one sync engine. */
export function appSync(db: ClydeDatabase, api: LearnerApi): SyncEngine {
	if (!engine) {
		engine = new SyncEngine(db, api);
		engine.keepLanguage(() => i18n.locale, api.account);
	}
	return engine;
}

/**
 * Starts syncing: now, after each local write (the engine watches its outbox), when the browser
 * comes online and when the app becomes visible; the engine's own timer covers the rest. The
 * Background Sync API is not used: not every browser has it. Returns the function that stops.
 */
export function startSync(engine: SyncEngine): () => void {
	const now = () => engine.syncSoon(0);
	const visible = () => {
		if (document.visibilityState === 'visible') now();
	};
	window.addEventListener('online', now);
	document.addEventListener('visibilitychange', visible);
	const unwatch = engine.watchOutbox();
	void engine.loadLastSynced().then(now);
	return () => {
		window.removeEventListener('online', now);
		document.removeEventListener('visibilitychange', visible);
		unwatch();
	};
}
