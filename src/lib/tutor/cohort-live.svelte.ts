import type { CatalogPathway } from '$lib/content/catalog-types';
import { withRevoked } from './badge-count';
import { CohortFeed } from './cohort-feed';
import type { CohortState } from './cohort-state';
import { buildDashboard } from './dashboard';
import type { TutorClient } from './tutor-client';
import type { Thresholds } from './types';

export type LiveStatus = 'loading' | 'live' | 'offline' | 'failed';
/** Why the cohort could not be loaded, for the page to say in the tutor's language. */
export type LiveFailure = 'missing' | 'signed-out' | 'other';

/**
 * One cohort's progress, kept current for its pages by a CohortFeed: loaded whole once, then
 * grown by what each of the cohort's activity notices announces.
 */
export class CohortLive {
	progress: CohortState | undefined = $state.raw();
	status: LiveStatus = $state('loading');
	failure: LiveFailure = $state('other');
	/** The server's own words, shown when the failure is none of the known ones. */
	error = $state('');
	/** When the data was last known complete (ms), shown while offline. */
	updatedAt: number | undefined = $state();
	/** Rebuilds the clock-based signals ("quiet for N days") now and then. */
	now = $state(Date.now());

	#feed: CohortFeed;
	#stop: (() => Promise<void>) | undefined;

	// Set by the constructor; the deriveds below run lazily, after it.
	#catalog: () => CatalogPathway[] | undefined = () => undefined;
	/**
	 * The cohort's pathway from the app's catalog, once both are known. A plain copy: the
	 * catalog is deep rune state, and reading it through its proxies once per learner × lesson
	 * (the dashboard's derivation, the grid's cells) was a large part of opening the page.
	 */
	// Its own derived, so that a live update (a new progress) does not copy the pathway again.
	#pathwayId = $derived(this.progress?.cohort.pathway);
	readonly pathway: CatalogPathway | undefined = $derived.by(() => {
		const found = this.#catalog()?.find((p) => p.id === this.#pathwayId);
		return found && $state.snapshot(found);
	});
	/**
	 * Derived here, once, for the dashboard and every learner's page (which needs the whole
	 * cohort for "behind the median").
	 */
	readonly dashboard = $derived(
		this.progress && this.pathway
			? buildDashboard(
					this.pathway,
					this.progress.learners,
					this.progress.tallies,
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
		this.#feed = new CohortFeed(client, cohortId, {
			onState: (state, whole) => {
				// The dashboard benchmark measures from here to the grid's paint (see the page).
				if (whole) performance.mark('clyde:dashboard-data');
				this.progress = state;
				this.status = 'live';
				this.error = '';
				this.updatedAt = Date.now();
				this.now = Date.now();
			},
			onError: (error) => this.#failed(error)
		});
	}

	async start(): Promise<void> {
		await this.reload();
		try {
			this.#stop = await this.#feed.watch();
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
		return this.#feed.reload();
	}

	async saveThresholds(thresholds: Thresholds): Promise<void> {
		await this.client.saveThresholds(this.cohortId, thresholds);
		this.#feed.amend((state) => ({ ...state, cohort: { ...state.cohort, ...thresholds } }));
	}

	async renewCode(): Promise<void> {
		const code = await this.client.renewCode(this.cohortId);
		this.#feed.amend((state) => ({ ...state, cohort: { ...state.cohort, join_code: code } }));
	}

	/** Revokes a badge and shows it revoked here at once; other dashboards hear of it live. */
	async revokeBadge(badge: string, reason: string): Promise<void> {
		const status = await this.client.revokeBadge(badge, reason);
		this.#feed.amend((state) => ({
			...state,
			badges: withRevoked(state.badges ?? [], badge, status)
		}));
	}

	async removeLearner(membership: string): Promise<void> {
		await this.client.removeLearner(membership);
		await this.reload();
	}

	#failed(error: unknown): void {
		const status = (error as { status?: number }).status;
		if (status === 0 || status === undefined) {
			this.status = 'offline';
			return;
		}
		this.status = 'failed';
		this.failure =
			status === 404 ? 'missing' : status === 401 || status === 403 ? 'signed-out' : 'other';
		this.error = (error as Error).message;
	}
}
