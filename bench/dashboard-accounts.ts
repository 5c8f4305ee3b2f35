import { resolve } from 'node:path';
import type { ProgressEvent } from '../src/lib/progress/event-types';
import { api } from './api';
import { learnerEvents, learnerNames } from './dashboard-learners';
import { PATHWAY, pathwayLessons, publishWithBenchPathway } from './dashboard-pathway';

// The dashboard benchmark's world, made through the same API the app uses: the pathway
// published, a tutor with two cohorts, and learners who joined with the cohorts' codes and
// pushed their events through the sync route.

/** Runs `work` on every item, `workers` at a time. */
export async function inParallel<T>(
	items: readonly T[],
	workers: number,
	work: (item: T, index: number) => Promise<void>
): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: workers }, async () => {
			while (next < items.length) {
				const index = next++;
				await work(items[index] as T, index);
			}
		})
	);
}

export interface Account {
	id: string;
	email: string;
	name: string;
	token: string;
}

export interface Member extends Account {
	events: ProgressEvent[];
}

export interface TutorSide {
	tutor: Account;
	password: string;
	big: { id: string; code: string };
	small: { id: string; code: string };
	/** Wall-clock ms of the publish. */
	publishMs: number;
}

export interface BenchCohorts extends TutorSide {
	big: TutorSide['big'] & { members: Member[] };
	small: TutorSide['small'] & { members: Member[] };
	/** Wall-clock ms of making the learners and their events. */
	learnersMs: number;
	workers: number;
}

// Long and unlike any common password, so the sign-up deny-list lets it through.
const PASSWORD = 'dashboard-bench-passphrase';

/**
 * The tutor's side, through the app's own API: the pathway published, a tutor (made by the
 * admin, as tutors are) who creates both cohorts through the record API.
 */
export async function setUpTutor(
	url: string,
	adminToken: string,
	sizes: { learners: number; small: number }
): Promise<TutorSide> {
	const started = performance.now();
	await publishWithBenchPathway(url, adminToken, true);
	const publishMs = performance.now() - started;
	const tutor = await account(
		url,
		adminToken,
		'tutor',
		'dashboard-tutor@example.org',
		'Morag Tutor'
	);
	const cohort = async (name: string) => {
		const record = await api<{ id: string; join_code: string }>(
			url,
			'/api/collections/cohorts/records',
			{ token: tutor.token, body: { name, pathway: PATHWAY, tutor: tutor.id } }
		);
		return { id: record.id, code: record.join_code };
	};
	return {
		tutor,
		password: PASSWORD,
		big: await cohort(`Evening class, all centres (${sizes.learners})`),
		small: await cohort(`Tuesday evening class (${sizes.small})`),
		publishMs
	};
}

/**
 * `learners` learners who each join the big cohort with its code (the first `small` also the
 * small one) and push `eventsEach` events in one batch, through the app's routes, `workers` at
 * a time. Their accounts are made in one request by the benchmark hook (makeAccounts):
 * through sign-up and sign-in, PocketBase's bcrypt made this take minutes.
 */
export async function addLearners(
	url: string,
	adminToken: string,
	side: TutorSide,
	sizes: { learners: number; small: number; eventsEach: number; seed: number; workers: number }
): Promise<BenchCohorts> {
	const started = performance.now();
	const now = Date.now();
	const places = pathwayLessons();
	const names = learnerNames(sizes.seed, sizes.learners);
	const accounts = await makeAccounts(url, adminToken, {
		prefix: `dashboard-learner-${Date.now()}`,
		count: sizes.learners,
		names
	});
	const members: Member[] = [];
	await inParallel(accounts, sizes.workers, async (learner, index) => {
		const codes = index < sizes.small ? [side.big.code, side.small.code] : [side.big.code];
		for (const code of codes) {
			await api(url, '/api/clyde/cohorts/join', { token: learner.token, body: { code } });
		}
		const events = learnerEvents(sizes.seed * 100_000 + index, places, sizes.eventsEach, now);
		await api(url, '/api/clyde/sync/push', { token: learner.token, body: { events } });
		members[index] = { ...learner, events };
		if ((index + 1) % 100 === 0)
			console.log(`dashboard: ${index + 1} of ${names.length} learners set up`);
	});
	return {
		...side,
		big: { ...side.big, members },
		small: { ...side.small, members: members.slice(0, sizes.small) },
		learnersMs: performance.now() - started,
		workers: sizes.workers
	};
}

/** The benchmarks' own hook (never deployed), which makes accounts in bulk: see its comment. */
export const BENCH_HOOK = resolve(import.meta.dirname, 'hooks/bench-accounts.pb.js');

/**
 * `count` accounts with the given role, each with an auth token as if signed in, made in one
 * request by the benchmark hook (the server must have it: see BENCH_HOOK). Their password is
 * PASSWORD.
 */
export async function makeAccounts(
	url: string,
	adminToken: string,
	options: { prefix: string; count: number; role?: 'learner' | 'tutor'; names?: string[] }
): Promise<Account[]> {
	const answer = await api<{ accounts: { id: string; email: string; token: string }[] }>(
		url,
		'/api/bench/accounts',
		{ token: adminToken, body: { ...options, password: PASSWORD } }
	);
	return answer.accounts.map((a, i) => ({ ...a, name: options.names?.[i] ?? `Learner ${i}` }));
}

/** An account made by the admin, signed in as the app signs in. */
async function account(
	url: string,
	adminToken: string,
	role: 'learner' | 'tutor',
	email: string,
	name: string
): Promise<Account> {
	await api(url, '/api/collections/users/records', {
		token: adminToken,
		body: { email, name, role, password: PASSWORD, passwordConfirm: PASSWORD }
	});
	const auth = await api<{ token: string; record: { id: string } }>(
		url,
		'/api/collections/users/auth-with-password',
		{ body: { identity: email, password: PASSWORD } }
	);
	return { id: auth.record.id, email, name, token: auth.token };
}
