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
 * Wires the sync triggers: now, when the browser comes online, when the app becomes visible,
 * and shortly after each local write (the outbox grows). The engine's own timer covers the
 * rest. The Background Sync API is not used: not every browser has it.
 */
export function startSyncTriggers(engine: SyncEngine, outboxCount: () => number): () => void {
	const now = () => engine.syncSoon(0);
	const visible = () => {
		if (document.visibilityState === 'visible') now();
	};
	window.addEventListener('online', now);
	document.addEventListener('visibilitychange', visible);
	let last = outboxCount();
	const poll = setInterval(() => {
		const count = outboxCount();
		if (count > last) engine.syncSoon(2_000);
		last = count;
	}, 1_000);
	void engine.loadLastSynced().then(now);
	return () => {
		window.removeEventListener('online', now);
		document.removeEventListener('visibilitychange', visible);
		clearInterval(poll);
	};
}
