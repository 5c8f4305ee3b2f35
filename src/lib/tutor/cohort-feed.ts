import { fromProgress, withChanges, type CohortState } from './cohort-state';
import type { ActivityNotice, CohortChanges, CohortProgress } from './types';

/** The server side of a feed: TutorClient, or anything with its three calls. */
export interface FeedSource {
	progress(cohort: string): Promise<CohortProgress>;
	changes(cohort: string, after: number): Promise<CohortChanges>;
	watch(
		cohort: string,
		handlers: { onNotice(notice: ActivityNotice | null): void; onReconnect(): void }
	): Promise<() => Promise<void>>;
}

export interface FeedListener {
	/** A new state: `whole` after a full load, otherwise after live changes. */
	onState(state: CohortState, whole: boolean): void;
	onError(error: unknown): void;
}

type Want = 'changes' | 'reload';

/**
 * One cohort kept current: loaded whole once, then grown by the events each activity notice
 * announces, read after the cursor. One read at a time: notices that arrive during a read
 * make one more read after it, however many they are, so a class pushing at once costs an
 * open dashboard a read or two, not one per push. A join or leave (the notice's roster count
 * moves), a reconnect (notices may have been missed) or a read that failed loads it whole.
 * Plain TypeScript, so the burst benchmark drives the same code in Node.
 */
export class CohortFeed {
	#state: CohortState | undefined;
	#want: Want | undefined;
	#running: Promise<void> | undefined;
	/** A read failed: what is shown may miss events, so the next notice loads it whole. */
	#stale = false;

	constructor(
		private readonly source: FeedSource,
		private readonly cohort: string,
		private readonly listener: FeedListener
	) {}

	get state(): CohortState | undefined {
		return this.#state;
	}

	/** Loads the cohort whole (again). */
	reload(): Promise<void> {
		return this.#ask('reload');
	}

	/** A change made here (a threshold, a new join code), kept until the next whole load. */
	amend(change: (state: CohortState) => CohortState): void {
		if (!this.#state) return;
		this.#state = change(this.#state);
		this.listener.onState(this.#state, false);
	}

	/** Subscribes to the cohort's notices; resolves with what stops it. */
	watch(): Promise<() => Promise<void>> {
		return this.source.watch(this.cohort, {
			onNotice: (notice) => void this.notice(notice),
			onReconnect: () => void this.reload()
		});
	}

	/** What a notice means: nothing, the events after the cursor, or the whole cohort. */
	notice(notice: ActivityNotice | null): Promise<void> {
		const state = this.#state;
		if (!state || this.#stale || !notice || notice.roster !== state.roster) {
			return this.#ask('reload');
		}
		if (notice.seq > state.cursor) return this.#ask('changes');
		return this.#running ?? Promise.resolve();
	}

	#ask(want: Want): Promise<void> {
		if (this.#want !== 'reload') this.#want = want;
		this.#running ??= this.#drain().finally(() => (this.#running = undefined));
		return this.#running;
	}

	async #drain(): Promise<void> {
		while (this.#want) {
			const want = this.#want;
			this.#want = undefined;
			try {
				if (want === 'reload' || !this.#state) await this.#load();
				else await this.#catchUp(this.#state);
			} catch (error) {
				this.#want = undefined;
				this.#stale = true;
				this.listener.onError(error);
			}
		}
	}

	async #load(): Promise<void> {
		this.#state = fromProgress(await this.source.progress(this.cohort));
		this.#stale = false;
		this.listener.onState(this.#state, true);
	}

	async #catchUp(from: CohortState): Promise<void> {
		let state = from;
		let added = 0;
		for (;;) {
			const changes = await this.source.changes(this.cohort, state.cursor);
			state = withChanges(state, changes.events, changes.cursor);
			added += changes.events.length;
			// A reload asked for meanwhile supersedes this.
			if (this.#want === 'reload') return;
			this.#state = state;
			if (!changes.more) break;
		}
		if (added > 0) this.listener.onState(state, false);
	}
}
