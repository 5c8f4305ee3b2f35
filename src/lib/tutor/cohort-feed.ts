import { fromProgress, withCells, withChanges, type CohortState } from './cohort-state';
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

/** Time as the feed sees it; tests give it a fake one. */
export interface FeedClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: FeedClock = {
	now: () => Date.now(),
	sleep: (ms) => new Promise((done) => setTimeout(done, ms))
};

/**
 * The least time between the starts of two reads of what is new. A class pushing at once
 * sends a notice per push; a tutor needs to see progress within a second or two, not each push
 * the moment it lands, and the server answers a dashboard's reads beside those pushes.
 */
export const READ_GAP_MS = 1000;

/**
 * One cohort kept current: loaded whole once, then grown by what each activity notice carries
 * (the cells its push changed), with nothing read. Only a notice that does not follow the
 * cursor (one was missed, or they came out of order) or that carries no cells (too many)
 * makes it read the events after the cursor. One read at a time, and a read of what is new starts at
 * least `gapMs` after the previous read started (a trailing-edge throttle): notices that arrive
 * meanwhile make one read when the gap is over, however many they are, so a class pushing at
 * once costs an open dashboard at most a read a second, not one per push, and the last notice
 * is always read. A join or leave (the notice's roster count
 * moves), a reconnect (notices may have been missed) or a read that failed loads it whole.
 * Plain TypeScript, so the burst benchmark drives the same code in Node.
 */
export class CohortFeed {
	#state: CohortState | undefined;
	#want: Want | undefined;
	#running: Promise<void> | undefined;
	/** A read failed: what is shown may miss events, so the next notice loads it whole. */
	#stale = false;
	/** When the last read started (the clock's ms), for the gap before the next. */
	#lastRead = -Infinity;

	constructor(
		private readonly source: FeedSource,
		private readonly cohort: string,
		private readonly listener: FeedListener,
		private readonly options: { gapMs?: number; clock?: FeedClock } = {}
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
		if (notice.seq <= state.cursor) return this.#running ?? Promise.resolve();
		// The notice carries what changed and follows what is shown: applied, nothing read.
		// While a read is on its way or wanted, the read brings it (and a notice that arrived
		// out of order, or after one was missed, has a `previous` past the cursor).
		const follows = (notice.previous ?? Infinity) <= state.cursor;
		if (notice.cells && follows && !this.#want && !this.#running) {
			this.#state = withCells(state, notice.cells, notice.seq);
			this.listener.onState(this.#state, false);
			return Promise.resolve();
		}
		return this.#ask('changes');
	}

	#ask(want: Want): Promise<void> {
		if (this.#want !== 'reload') this.#want = want;
		this.#running ??= this.#drain().finally(() => (this.#running = undefined));
		return this.#running;
	}

	async #drain(): Promise<void> {
		while (this.#want) {
			// A whole load (a join, a reconnect, the tutor's own change) is rare and goes at once.
			// No await when there is no wait: a read then starts in the same turn as its notice.
			const wait = this.#want === 'changes' ? this.#waitBeforeRead() : 0;
			if (wait > 0) await this.#clock.sleep(wait);
			const want = this.#want;
			if (!want) break;
			this.#lastRead = this.#clock.now();
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

	get #clock(): FeedClock {
		return this.options.clock ?? realClock;
	}

	/** What is left of the gap since the last read started, in ms. */
	#waitBeforeRead(): number {
		return this.#lastRead + (this.options.gapMs ?? READ_GAP_MS) - this.#clock.now();
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
