import { getContext, setContext } from 'svelte';
import type { ClydeDatabase } from '$lib/db/database';
import type { ContentApi } from '$lib/offline/content-api';
import type { InstallOffer } from '$lib/pwa/install.svelte';
import type { OnlineStatus } from '$lib/network/online.svelte';
import type { SyncApi } from '$lib/sync/sync-api';
import type { SyncEngine } from '$lib/sync/sync-engine';

/** What every screen shares: set once by the root layout. */
export interface AppContext {
	db: ClydeDatabase;
	api: ContentApi;
	network: OnlineStatus;
	install: InstallOffer;
	sync: SyncEngine;
	accounts: SyncApi;
}

const APP = Symbol('app');

export function setApp(app: AppContext): AppContext {
	return setContext(APP, app);
}

export function getApp(): AppContext {
	return getContext<AppContext>(APP);
}
