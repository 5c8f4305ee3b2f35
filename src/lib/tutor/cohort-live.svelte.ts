import type { CatalogPathway } from '$lib/content/catalog-types';
import { buildDashboard } from './dashboard';
import type { LiveEvent, TutorClient } from './tutor-client';
import type { CohortProgress, Thresholds } from './types';

export type LiveStatus = 'loading' | 'live' | 'offline' | 'failed';

/**
 * One cohort's progress, kept current: loaded once, then grown by realtime events as
 * learners' phones sync. After a break in the connection it loads again, because events
 * that arrived meanwhile were not sent to us.
 */
export class CohortLive {
	progress: CohortProgress | undefined = $state.raw();
	status: LiveStatus = $state('loading');
	error = $state('');
	/** When the data was last known complete (ms), shown while offline. */
	updatedAt: number | undefined = $state();
	/** Rebuilds the clock-based signals ("quiet for N days") now and then. */
	now = $state(Date.now());

	// A plain Set: these ids are bookkeeping, not shown, so they need no reactivity.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#seen = new Set<string>();
	#stop: (() => Promise<void>) | undefined;
	#reloading: Promise<void> | undefined;

	// Set by the constructor; the deriveds below run lazily, after it.
	#catalog: () => CatalogPathway[] | undefined = () => undefined;
	/** The cohort's pathway from the app's catalog, once both are known. */
	readonly pathway: CatalogPathway | undefined = $derived(
		this.#catalog()?.find((p) => p.id === this.progress?.cohort.pathway)
	);
	/**
	 * Derived here, once, for the dashboard and every learner's page (which needs the whole
	 * cohort for "behind the median").
	 */
	readonly dashboard = $derived(
		this.progress && this.pathway
			? buildDashboard(
					this.pathway,
					this.progress.learners,
					this.progress.events,
					this.progress.cohort,
					this.now
				)
			: undefined
	);

	constructor(
		private readonly client: TutorClient,
		private readonly cohortId: string,
		catalog: () => CatalogPathway[] | undefined
	) {
		this.#catalog = catalog;
	}

	async start(): Promise<void> {
		await this.reload();
		try {
			this.#stop = await this.client.watch({
				onEvent: (event) => this.#add(event),
				onMembership: (cohort) => {
					if (cohort === this.cohortId) void this.reload();
				},
				onReconnect: () => void this.reload()
			});
		} catch {
			// No realtime (offline now): the data loaded is shown as it is, marked offline.
			this.status = 'offline';
		}
	}

	async stop(): Promise<void> {
		await this.#stop?.();
	}

	/** The browser's own network state: offline means what is shown may be behind. */
	setOnline(online: boolean): void {
		if (!online) this.status = this.progress ? 'offline' : this.status;
		else if (this.status === 'offline') void this.reload();
	}

	reload(): Promise<void> {
		this.#reloading ??= this.#load().finally(() => (this.#reloading = undefined));
		return this.#reloading;
	}

	async saveThresholds(thresholds: Thresholds): Promise<void> {
		await this.client.saveThresholds(this.cohortId, thresholds);
		if (this.progress)
			this.progress = { ...this.progress, cohort: { ...this.progress.cohort, ...thresholds } };
	}

	async renewCode(): Promise<void> {
		const code = await this.client.renewCode(this.cohortId);
		if (this.progress)
			this.progress = { ...this.progress, cohort: { ...this.progress.cohort, join_code: code } };
	}

	async removeLearner(membership: string): Promise<void> {
		await this.client.removeLearner(membership);
		await this.reload();
	}

	async #load(): Promise<void> {
		try {
			const progress = await this.client.progress(this.cohortId);
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			this.#seen = new Set(progress.events.map((e) => e.id));
			this.progress = progress;
			this.status = 'live';
			this.error = '';
			this.updatedAt = Date.now();
			this.now = Date.now();
		} catch (error) {
			const status = (error as { status?: number }).status;
			if (status === 0 || status === undefined) {
				this.status = 'offline';
			} else {
				this.status = 'failed';
				this.error =
					status === 404
						? 'This cohort does not exist, or it is not yours.'
						: status === 401 || status === 403
							? 'Your session has ended. Sign in again on the Account page.'
							: (error as Error).message;
			}
		}
	}

	#add(event: LiveEvent): void {
		const progress = this.progress;
		if (!progress || event.pathway !== progress.cohort.pathway) return;
		// A duplicate comes when a reload and an event cross.
		if (this.#seen.has(event.id)) return;
		if (!progress.learners.some((l) => l.id === event.user)) return;
		this.#seen.add(event.id);
		const { pathway: _pathway, ...tutorEvent } = event;
		this.progress = { ...progress, events: [...progress.events, tutorEvent] };
		this.updatedAt = Date.now();
		this.now = Date.now();
	}
}
