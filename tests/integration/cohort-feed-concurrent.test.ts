import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inStep } from '../../bench/burst-compare';
import type { ProgressEvent } from '../../src/lib/progress/event-types';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { CohortFeed, READ_GAP_MS } from '../../src/lib/tutor/cohort-feed';
import { fromProgress, type LearnerTally } from '../../src/lib/tutor/cohort-state';
import { TutorClient } from '../../src/lib/tutor/tutor-client';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';
import { prefixedAccount, removePrefixed } from '../support/prefixed-records';

// Node has no EventSource; the SDK's realtime client needs one (see the PocketBase sheet).
(globalThis as { EventSource?: unknown }).EventSource = EventSource;

/**
 * A class pushing at once while its tutor's dashboard is open: the burst benchmark's case, on
 * a small scale. Learners push batches concurrently, the dashboard (the app's own TutorClient
 * and CohortFeed) follows the cohort's activity notices, applying the cells each carries and
 * reading ?after= only when one did not follow its cursor (they can arrive out of order), and
 * afterwards what it shows must be what a whole read of the cohort says.
 */

const url = inject('pbUrl');
const PASSWORD = `feed-${randomUUID().slice(0, 8)}-secret`;
const LESSONS = 8;
const LEARNERS = 6;
const BATCHES = 8;
const EACH = 12;

let admin: PocketBase;
let prefix: string;
let lessons: string[];
let tutor: { id: string; token: string; email: string };
let learners: { id: string; token: string }[];
let cohort: { id: string; join_code: string };

const place = () => ({ module: `${prefix}-m`, pathway: `${prefix}-p` });

const account = (role: 'learner' | 'tutor', n: number) =>
	prefixedAccount(admin, url, prefix, role, n, PASSWORD);

/** One batch of a learner's work: lessons opened and completed, quizzes passed and failed. */
function batch(seed: number): ProgressEvent[] {
	const random = seededRandom(seed);
	const int = (n: number) => Math.floor(random() * n);
	return Array.from({ length: EACH }, (_, i) => {
		const common = {
			id: randomUUID(),
			lesson: lessons[int(LESSONS)] as string,
			...place(),
			at: new Date(Date.UTC(2026, 10, 2, 9) + seed * 60_000 + i * 1000).toISOString()
		};
		const roll = random();
		if (roll < 0.3) return { ...common, type: 'lesson_opened' };
		if (roll < 0.45) return { ...common, type: 'lesson_completed' };
		if (roll < 0.6) return { ...common, type: 'quiz_answered', question: int(4), correct: true };
		const total = 3 + int(3);
		const correct = int(total + 1);
		return { ...common, type: 'quiz_completed', total, correct, passed: correct === total };
	});
}

/** Polls until `found` is true, for at most `ms`. */
async function until(what: string, found: () => boolean, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!found()) {
		if (Date.now() > deadline) throw new Error(`Not within ${ms} ms: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Scores to the four places the server sends; everything else as it is. */
function rounded(tallies: ReadonlyMap<string, LearnerTally>) {
	return new Map(
		[...tallies.entries()]
			.filter(([, tally]) => tally.lessons.size > 0)
			.map(([learner, tally]) => [
				learner,
				{
					active: tally.active,
					lessons: new Map(
						[...tally.lessons.entries()].map(([lesson, t]) => [
							lesson,
							{ ...t, bestScore: t.bestScore?.toFixed(4) }
						])
					)
				}
			])
	);
}

describe('a dashboard open while a class pushes at once', () => {
	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		prefix = `feed${randomUUID().slice(0, 6)}`;
		lessons = await createLessons(admin, prefix, LESSONS, { published: true });
		tutor = await account('tutor', 0);
		learners = await Promise.all(
			Array.from({ length: LEARNERS }, (_, n) => account('learner', n + 1))
		);
		const made = await callRoute(url, tutor.token, 'POST', '/api/collections/cohorts/records', {
			name: `Feed ${prefix}`,
			pathway: place().pathway,
			tutor: tutor.id
		});
		expect(made.status, made.text).toBe(200);
		cohort = made.body;
		for (const learner of learners) {
			const joined = await callRoute(url, learner.token, 'POST', '/api/clyde/cohorts/join', {
				code: cohort.join_code
			});
			expect(joined.status, joined.text).toBe(200);
		}
	});

	afterAll(() => removePrefixed(admin, prefix));

	it('shows each push within two seconds, mostly from the notices alone, reads at most once a second, and ends showing exactly what a whole read shows', async () => {
		const client = new TutorClient(
			{ token: tutor.token, userId: tutor.id, email: tutor.email, name: 'Tutor' },
			url
		);
		let reads = 0;
		let notices = 0;
		/** When each ?after= read started, and when the dashboard first showed each cursor. */
		const readsAt: number[] = [];
		const shown: { cursor: number; at: number }[] = [];
		const feed = new CohortFeed(
			{
				progress: (id) => (reads++, client.progress(id)),
				changes: (id, after) => (reads++, readsAt.push(Date.now()), client.changes(id, after)),
				watch: (id, handlers) =>
					client.watch(id, {
						onNotice: (notice) => (notices++, handlers.onNotice(notice)),
						onReconnect: handlers.onReconnect
					})
			},
			cohort.id,
			{
				onState: (state) => shown.push({ cursor: state.cursor, at: Date.now() }),
				onError: (error) => {
					throw error;
				}
			}
		);
		await feed.reload();
		const stop = await feed.watch();
		try {
			const loads = reads;
			// Every learner's batches go one after another, all learners at once.
			let newest = 0;
			const answered: { seq: number; at: number }[] = [];
			await Promise.all(
				learners.map(async (learner, n) => {
					for (let b = 0; b < BATCHES; b++) {
						const answer = await callRoute(url, learner.token, 'POST', '/api/clyde/sync/push', {
							events: batch(n * 100 + b)
						});
						expect(answer.status, answer.text).toBe(200);
						const seq = (answer.body as { seq: number }).seq;
						answered.push({ seq, at: Date.now() });
						newest = Math.max(newest, seq);
					}
				})
			);
			await until('the dashboard has every push', () => (feed.state?.cursor ?? 0) >= newest);
			// The notices made it follow, with no whole load and fewer ?after= reads than notices
			// (most carry what changed), at most one read a second (CohortFeed's gap), and each
			// push showed on the dashboard within two seconds of its answer.
			expect(notices).toBeGreaterThanOrEqual(LEARNERS * BATCHES);
			expect(reads - loads).toBe(readsAt.length);
			expect(readsAt.length).toBeLessThan(notices / 2);
			for (let i = 1; i < readsAt.length; i++) {
				expect((readsAt[i] as number) - (readsAt[i - 1] as number)).toBeGreaterThanOrEqual(
					READ_GAP_MS - 5
				);
			}
			const lags = answered.map(
				({ seq, at }) => (shown.find((s) => s.cursor >= seq)?.at ?? Infinity) - at
			);
			expect(Math.max(...lags)).toBeLessThanOrEqual(2000);

			const live = feed.state;
			const whole = fromProgress(await client.progress(cohort.id));
			expect(live?.cursor).toBe(whole.cursor);
			expect(rounded(live?.tallies ?? new Map())).toEqual(rounded(whole.tallies));
			const cells = [...whole.tallies.values()].reduce((sum, t) => sum + t.lessons.size, 0);
			expect(cells).toBeGreaterThan(LEARNERS * 3);
			// The benchmark's own comparison says the same of the same two states.
			expect(inStep(live as NonNullable<typeof live>, whole)).toBe(true);
		} finally {
			await stop();
		}
	});
});
