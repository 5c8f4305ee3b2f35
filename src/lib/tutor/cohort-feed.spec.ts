import { describe, expect, it } from 'vitest';
import { CohortFeed, READ_GAP_MS, type FeedClock, type FeedSource } from './cohort-feed';
import type { ActivityNotice, CohortChanges, CohortProgress, TutorEvent } from './types';

/** A deferred answer the test settles itself, to hold a read open while notices arrive. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((ok, fail) => {
		resolve = ok;
		reject = fail;
	});
	return { promise, resolve, reject };
}

const progress = (cursor: number, roster = 1): CohortProgress => ({
	cohort: {
		id: 'c1',
		name: 'C',
		pathway: 'p',
		join_code: 'ABCD2345',
		quiz_fails: 3,
		quiz_low_score: 50,
		quiet_days: 7,
		behind_lessons: 5
	},
	roster,
	cursor,
	learners: [
		{ id: 'ana', membership: 'm', name: 'Ana', email: 'a@example.org', joined: '', active: null }
	],
	cells: { learner: [], lesson: [], flags: [], fails: [], best: [], done: [] }
});

const opened = (seq: number): TutorEvent => ({
	id: `e${seq}`,
	user: 'ana',
	type: 'lesson_opened',
	lesson: 'l1',
	module: 'm',
	at: '2026-01-01T09:00:00.000Z',
	seq
});

/** A server the test answers call by call; it records what was asked. */
class FakeSource implements FeedSource {
	calls: string[] = [];
	loads: ReturnType<typeof deferred<CohortProgress>>[] = [];
	reads: ReturnType<typeof deferred<CohortChanges>>[] = [];
	handlers?: { onNotice(notice: ActivityNotice | null): void; onReconnect(): void };

	progress() {
		this.calls.push('whole');
		this.loads.push(deferred());
		return (this.loads.at(-1) as ReturnType<typeof deferred<CohortProgress>>).promise;
	}
	changes(_cohort: string, after: number) {
		this.calls.push(`after ${after}`);
		this.reads.push(deferred());
		return (this.reads.at(-1) as ReturnType<typeof deferred<CohortChanges>>).promise;
	}
	async watch(_cohort: string, handlers: FakeSource['handlers'] & object) {
		this.handlers = handlers;
		return async () => {};
	}
}

/** Lets the feed's promise callbacks run. */
const settle = () => new Promise((done) => setTimeout(done, 0));

/** A clock that moves only when the test says so. */
class FakeClock implements FeedClock {
	time = 0;
	#sleepers: { until: number; wake: () => void }[] = [];

	now() {
		return this.time;
	}
	sleep(ms: number) {
		return new Promise<void>((wake) => this.#sleepers.push({ until: this.time + ms, wake }));
	}
	/** Moves on by `ms`, waking the sleepers due, and lets the feed run. */
	async advance(ms: number) {
		this.time += ms;
		const due = this.#sleepers.filter((s) => s.until <= this.time);
		this.#sleepers = this.#sleepers.filter((s) => s.until > this.time);
		for (const sleeper of due) sleeper.wake();
		await settle();
	}
}

/**
 * A feed loaded at cursor 10. Without a clock, reads are not spaced (the tests of what is read);
 * with one, they are READ_GAP_MS apart (the tests of when).
 */
async function loadedFeed(clock?: FakeClock) {
	const source = new FakeSource();
	const states: number[] = [];
	const errors: unknown[] = [];
	const feed = new CohortFeed(
		source,
		'c1',
		{
			onState: (state) => states.push(state.cursor),
			onError: (error) => errors.push(error)
		},
		clock ? { clock } : { gapMs: 0 }
	);
	const loading = feed.reload();
	source.loads[0]?.resolve(progress(10));
	await loading;
	await feed.watch();
	return { source, feed, states, errors };
}

describe('CohortFeed', () => {
	it('reads the events after its cursor when a notice says there are some, and nothing otherwise', async () => {
		const { source, feed, states } = await loadedFeed();
		await feed.notice({ seq: 10, roster: 1 });
		expect(source.calls).toEqual(['whole']);
		const reading = feed.notice({ seq: 12, roster: 1 });
		source.reads[0]?.resolve({ events: [opened(11), opened(12)], cursor: 12, more: false });
		await reading;
		expect(source.calls).toEqual(['whole', 'after 10']);
		expect(feed.state?.cursor).toBe(12);
		expect(states).toEqual([10, 12]);
	});

	it('applies a notice that carries its cells and follows the cursor, reading nothing', async () => {
		const { source, feed, states } = await loadedFeed();
		const cell = {
			learner: 'ana',
			lesson: 'l1',
			flags: 3,
			fails: 0,
			best: null,
			done: '2026-01-01T09:05:00.000Z',
			active: '2026-01-01T09:05:00.000Z'
		};
		await feed.notice({ seq: 12, roster: 1, previous: 8, cells: [cell] });
		expect(source.calls).toEqual(['whole']);
		expect(states).toEqual([10, 12]);
		expect(feed.state?.tallies.get('ana')?.lessons.get('l1')).toMatchObject({ completed: true });
		await feed.notice({ seq: 15, roster: 1, previous: 12, cells: [{ ...cell, fails: 1 }] });
		expect(feed.state?.tallies.get('ana')?.lessons.get('l1')?.fails).toBe(1);
		expect(source.calls).toEqual(['whole']);
	});

	it('reads after its cursor when a notice was missed, or came without cells', async () => {
		const { source, feed } = await loadedFeed();
		const cell = {
			learner: 'ana',
			lesson: 'l1',
			flags: 1,
			fails: 0,
			best: null,
			done: null,
			active: '2026-01-01T09:00:00.000Z'
		};
		const gap = feed.notice({ seq: 14, roster: 1, previous: 12, cells: [cell] });
		source.reads[0]?.resolve({ events: [opened(11), opened(14)], cursor: 14, more: false });
		await gap;
		expect(source.calls).toEqual(['whole', 'after 10']);
		const tooMany = feed.notice({ seq: 20, roster: 1, previous: 14, cells: null });
		source.reads[1]?.resolve({ events: [opened(20)], cursor: 20, more: false });
		await tooMany;
		expect(source.calls).toEqual(['whole', 'after 10', 'after 14']);
		expect(feed.state?.cursor).toBe(20);
	});

	it('makes one more read for any number of notices that arrive during a read', async () => {
		const { source, feed } = await loadedFeed();
		const first = feed.notice({ seq: 11, roster: 1 });
		for (let seq = 12; seq <= 20; seq++) void feed.notice({ seq, roster: 1 });
		source.reads[0]?.resolve({ events: [opened(11)], cursor: 11, more: false });
		await settle();
		source.reads[1]?.resolve({ events: [opened(20)], cursor: 20, more: false });
		await first;
		expect(source.calls).toEqual(['whole', 'after 10', 'after 11']);
		expect(feed.state?.cursor).toBe(20);
	});

	it('reads page after page while the server says there is more', async () => {
		const { source, feed } = await loadedFeed();
		const reading = feed.notice({ seq: 30, roster: 1 });
		source.reads[0]?.resolve({ events: [opened(15)], cursor: 15, more: true });
		await settle();
		source.reads[1]?.resolve({ events: [opened(30)], cursor: 30, more: false });
		await reading;
		expect(source.calls).toEqual(['whole', 'after 10', 'after 15']);
	});

	it('loads the cohort whole when someone joined or left, on a reconnect, and when it is gone', async () => {
		const { source, feed } = await loadedFeed();
		const joined = feed.notice({ seq: 10, roster: 2 });
		source.loads[1]?.resolve(progress(10, 2));
		await joined;
		source.handlers?.onReconnect();
		source.loads[2]?.resolve(progress(10, 2));
		await settle();
		const gone = feed.notice(null);
		source.loads[3]?.reject(Object.assign(new Error('not found'), { status: 404 }));
		await gone;
		expect(source.calls).toEqual(['whole', 'whole', 'whole', 'whole']);
	});

	it('after a failed read, the next notice loads the cohort whole, as events may be missing', async () => {
		const { source, feed, errors } = await loadedFeed();
		const failing = feed.notice({ seq: 11, roster: 1 });
		source.reads[0]?.reject(Object.assign(new Error('offline'), { status: 0 }));
		await failing;
		expect(errors).toHaveLength(1);
		const next = feed.notice({ seq: 12, roster: 1 });
		source.loads[1]?.resolve(progress(12));
		await next;
		expect(source.calls).toEqual(['whole', 'after 10', 'whole']);
	});

	it('drops a read that a whole load asked for meanwhile supersedes', async () => {
		const { source, feed, states } = await loadedFeed();
		const reading = feed.notice({ seq: 11, roster: 1 });
		void feed.notice({ seq: 11, roster: 2 });
		source.reads[0]?.resolve({ events: [opened(11)], cursor: 11, more: false });
		await settle();
		source.loads[1]?.resolve(progress(11, 2));
		await reading;
		expect(source.calls).toEqual(['whole', 'after 10', 'whole']);
		expect(states).toEqual([10, 11]);
		expect(feed.state?.roster).toBe(2);
	});

	it('keeps a change made here (a threshold) through later live reads', async () => {
		const { source, feed } = await loadedFeed();
		feed.amend((state) => ({ ...state, cohort: { ...state.cohort, quiz_fails: 9 } }));
		const reading = feed.notice({ seq: 11, roster: 1 });
		source.reads[0]?.resolve({ events: [opened(11)], cursor: 11, more: false });
		await reading;
		expect(feed.state?.cohort.quiz_fails).toBe(9);
	});

	describe('spacing its reads (a trailing-edge throttle)', () => {
		/** Answers the newest read with the events up to `seq`. */
		const answer = (source: FakeSource, seq: number) =>
			source.reads.at(-1)?.resolve({ events: [opened(seq)], cursor: seq, more: false });

		it('reads once, when the gap after the whole load is over, for a burst of notices', async () => {
			const clock = new FakeClock();
			const { source, feed } = await loadedFeed(clock);
			for (let seq = 11; seq <= 40; seq++) void feed.notice({ seq, roster: 1 });
			await clock.advance(READ_GAP_MS - 1);
			expect(source.calls).toEqual(['whole']);
			await clock.advance(1);
			expect(source.calls).toEqual(['whole', 'after 10']);
			answer(source, 40);
			await settle();
			expect(feed.state?.cursor).toBe(40);
		});

		it('reads at most once a gap while notices keep coming, and always reads the last', async () => {
			const clock = new FakeClock();
			const { source, feed } = await loadedFeed(clock);
			const readAt: number[] = [];
			const changes = source.changes.bind(source);
			source.changes = (cohort, after) => {
				readAt.push(clock.time);
				return changes(cohort, after);
			};
			let answered = 0;
			const answerOpenReads = async (seq: number) => {
				for (; answered < source.reads.length; answered++) {
					source.reads[answered]?.resolve({ events: [opened(seq)], cursor: seq, more: false });
				}
				await settle();
			};
			// A notice every 100 ms for 3.5 s; a read is answered by the next tick.
			for (let tick = 1; tick <= 35; tick++) {
				void feed.notice({ seq: 10 + tick, roster: 1 });
				await clock.advance(100);
				await answerOpenReads(10 + tick);
			}
			await clock.advance(READ_GAP_MS);
			await answerOpenReads(45);
			expect(readAt).toHaveLength(4);
			for (let i = 1; i < readAt.length; i++) {
				expect((readAt[i] as number) - (readAt[i - 1] as number)).toBeGreaterThanOrEqual(
					READ_GAP_MS
				);
			}
			expect(feed.state?.cursor).toBe(45);
		});

		it('loads the cohort whole at once when someone joined, whatever the gap', async () => {
			const clock = new FakeClock();
			const { source, feed } = await loadedFeed(clock);
			void feed.notice({ seq: 10, roster: 2 });
			await settle();
			expect(source.calls).toEqual(['whole', 'whole']);
		});
	});
});
