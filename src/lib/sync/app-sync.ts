import type { ClydeDatabase } from '$lib/db/database';
import { SyncEngine } from './sync-engine';
import { syncApi, type SyncApi } from './sync-api';

let engine: SyncEngine | undefined;
let api: SyncApi | undefined;

/** The app's one sync engine and API (same origin as the app). */
export function appSync(db: ClydeDatabase): { engine: SyncEngine; api: SyncApi } {
	api ??= syncApi();
	engine ??= new SyncEngine(db, api);
	return { engine, api };
}

/**
 * Wires the sync triggers: now, when the browser comes online and when the app becomes
 * visible. A local write is the layout's trigger (it watches the outbox), and the engine's
 * own timer covers the rest. The Background Sync API is not used: not every browser has it.
 */
export function startSyncTriggers(engine: SyncEngine): () => void {
	const now = () => engine.syncSoon(0);
	const visible = () => {
		if (document.visibilityState === 'visible') now();
	};
	window.addEventListener('online', now);
	document.addEventListener('visibilitychange', visible);
	void engine.loadLastSynced().then(now);
	return () => {
		window.removeEventListener('online', now);
		document.removeEventListener('visibilitychange', visible);
	};
}
