import { getContext, setContext } from 'svelte';
import type { LearnerApi } from '$lib/api/learner-api';
import type { CatalogPathway } from '$lib/content/catalog-types';
import type { QueryState } from '$lib/content/local-catalog.svelte';
import type { ReadAhead } from '$lib/content/read-ahead';
import type { ClydeDatabase } from '$lib/db/database';
import type { LiveQuery } from '$lib/db/live.svelte';
import type { InstallOffer } from '$lib/pwa/install.svelte';
import type { LessonSummary } from '$lib/progress/lesson-summary';
import type { OnlineStatus } from '$lib/network/online.svelte';
import type { SyncEngine } from '$lib/sync/sync-engine';

/** What every screen shares: set once by the root layout. */
export interface AppContext {
	db: ClydeDatabase;
	/** The server: screens call its verbs, never build a URL or a filter. */
	api: LearnerApi;
	network: OnlineStatus;
	install: InstallOffer;
	sync: SyncEngine;
	/**
	 * The stored catalog, ordered by position, read once for the whole app: a screen can
	 * place its lesson at once instead of waiting for its own IndexedDB read. Its words are in
	 * the learner's language where the phone has them (localise-catalog.ts).
	 */
	catalog: QueryState<CatalogPathway[]>;
	/** Every lesson's summary (one row a lesson touched, never the events), read once too. */
	summaries: LiveQuery<LessonSummary[]>;
	/** The next lesson, read while the learner reads this one ("Next" shows it at once). */
	readAhead: ReadAhead;
}

const APP = Symbol('app');

export function setApp(app: AppContext): AppContext {
	return setContext(APP, app);
}

export function getApp(): AppContext {
	return getContext<AppContext>(APP);
}
