import type { SyncEngine, SyncStatus } from './sync-engine';

/** The engine's status as rune state, for screens. Create while a component initialises. */
export class SyncStatusState {
	#status: SyncStatus = $state({ state: 'idle' });

	constructor(engine: SyncEngine) {
		$effect(() => engine.onStatus((status) => (this.#status = status)));
	}

	get status(): SyncStatus {
		return this.#status;
	}
}
