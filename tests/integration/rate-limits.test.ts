import 'fake-indexeddb/auto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import { openDatabase } from '../../src/lib/db/database';
import { recordEvent } from '../../src/lib/progress/record-event';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { createLessons } from '../support/content-records';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/pocketbase';

const PASSWORD = 'limits-password-1';

interface Answer {
	status: number;
	retryAfter: number | undefined;
	message: string;
	csp: string | null;
}

/** `count` identical requests fired at once: the counters must hold across PocketBase's JS VMs. */
async function burst(
	count: number,
	url: string,
	body: unknown,
	headers: (i: number) => Record<string, string> = () => ({})
): Promise<Answer[]> {
	return Promise.all(
		Array.from({ length: count }, async (_, i) => {
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...headers(i) },
				body: JSON.stringify(body)
			});
			const json = (await response.json().catch(() => ({}))) as { message?: string };
			const retryAfter = response.headers.get('Retry-After');
			return {
				status: response.status,
				retryAfter: retryAfter === null ? undefined : Number(retryAfter),
				message: json.message ?? '',
				csp: response.headers.get('Content-Security-Policy')
			};
		})
	);
}

const refused = (answers: Answer[]) => answers.filter((a) => a.status === 429);
const served = (answers: Answer[]) => answers.filter((a) => a.status !== 429);

async function learner(server: TestServer, admin: PocketBase): Promise<Session> {
	const email = `limits-${Math.random().toString(36).slice(2)}@example.org`;
	// Made by an admin, so that the sign-up limit under test is not spent here.
	await admin
		.collection('users')
		.create(
			{ email, password: PASSWORD, passwordConfirm: PASSWORD, role: 'learner' },
			{ requestKey: null }
		);
	return learnerApi(server.url).auth.signIn(email, PASSWORD);
}

describe('rate limits with the production settings (a PocketBase of its own)', () => {
	let server: TestServer;
	let admin: PocketBase;
	let joiner: Session, flooder: Session, neighbour: Session;
	beforeAll(async () => {
		server = await startTestServer(undefined, { rateLimits: 'real' });
		admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		// Password hashing is most of this file's time: make the accounts at once.
		[joiner, flooder, neighbour] = await Promise.all([
			learner(server, admin),
			learner(server, admin),
			learner(server, admin)
		]);
	});
	afterAll(() => server?.destroy());

	it('password guessing: of 40 parallel sign-ins for one account exactly 10 are tried, the rest get 429 with Retry-After', async () => {
		const answers = await burst(
			40,
			`${server.url}/api/collections/users/auth-with-password`,
			{ identity: 'victim@example.org', password: 'guess-guess-guess' },
			// A forged X-Forwarded-For buys nothing without CLYDE_TRUSTED_PROXIES.
			(i) => ({ 'X-Forwarded-For': `198.51.100.${i}` })
		);
		expect(served(answers).map((a) => a.status)).toEqual(Array(10).fill(400));
		expect(refused(answers)).toHaveLength(30);
		for (const answer of refused(answers)) {
			expect(answer.retryAfter).toBeGreaterThan(890);
			expect(answer.retryAfter).toBeLessThanOrEqual(900);
			expect(answer.message).toBe(
				'Too many sign-in attempts for this account. Try again in 15 minutes.'
			);
			// A refusal is a response like any other: it carries the security headers.
			expect(answer.csp).toContain("frame-ancestors 'none'");
		}
		console.log(
			`sign-in burst: ${served(answers).length} of 40 parallel attempts tried, ${refused(answers).length} answered 429`
		);

		// The same account spelt differently, or reached by the collection's id, is the same account.
		const [variant] = await burst(
			1,
			`${server.url}/api/collections/_pb_users_auth_/auth-with-password`,
			{ identity: ' Victim@Example.org', password: 'guess-guess-guess' }
		);
		expect(variant?.status).toBe(429);
		// Another account from the same address still gets its own tries.
		const [other] = await burst(1, `${server.url}/api/collections/users/auth-with-password`, {
			identity: 'someone-else@example.org',
			password: 'guess-guess-guess'
		});
		expect(other?.status).toBe(400);
	});

	it('admin password guessing: the 11th try on one admin email is refused', async () => {
		const answers = await burst(11, `${server.url}/api/admins/auth-with-password`, {
			identity: 'root@example.org',
			password: 'guess-guess-guess'
		});
		expect(served(answers)).toHaveLength(10);
		expect(refused(answers)).toHaveLength(1);
	});

	it('mass sign-up: of 70 parallel sign-ups from one address 60 are tried, 10 get 429', async () => {
		// Without a password: refused after counting, so that no password is hashed 70 times.
		const answers = await burst(70, `${server.url}/api/collections/users/records`, {
			email: 'new@example.org'
		});
		expect(served(answers).map((a) => a.status)).toEqual(Array(60).fill(400));
		expect(refused(answers)).toHaveLength(10);
		expect(refused(answers)[0]?.message).toMatch(/^Too many new accounts from this network\./);
		// An admin creating accounts for others is not a sign-up.
		const email = `by-admin-${Math.random().toString(36).slice(2)}@example.org`;
		await expect(
			admin.collection('users').create({ email, password: PASSWORD, passwordConfirm: PASSWORD })
		).resolves.toHaveProperty('id');
	});

	it('join-code guessing: a learner gets 10 tries per 15 minutes', async () => {
		const answers = await burst(
			15,
			`${server.url}/api/clyde/cohorts/join`,
			{ code: 'AAAA2222' },
			() => ({ Authorization: joiner.token })
		);
		expect(served(answers)).toHaveLength(10);
		expect(served(answers).every((a) => a.status >= 400 && a.status < 500)).toBe(true);
		expect(refused(answers)).toHaveLength(5);
	});

	it('badge claims: a learner gets 20 per 15 minutes (a claim signs, which costs the server)', async () => {
		const answers = await burst(
			25,
			`${server.url}/api/clyde/badges/claim`,
			{ pathway: 'no-such-pathway' },
			() => ({ Authorization: joiner.token })
		);
		expect(served(answers).map((a) => a.status)).toEqual(Array(20).fill(404));
		expect(refused(answers)).toHaveLength(5);
		expect(refused(answers)[0]?.message).toBe('Too many badge requests. Try again in 15 minutes.');
	});

	it('account-email flooding: the 11th reset request from one address in an hour is refused', async () => {
		const answers = await burst(11, `${server.url}/api/collections/users/request-password-reset`, {
			email: 'victim@example.org'
		});
		expect(served(answers)).toHaveLength(10);
		expect(refused(answers)).toHaveLength(1);
	});

	it('sync flooding: of 130 parallel pushes by one learner exactly 120 are served; another learner is unaffected', async () => {
		const push = (session: Session, count: number) =>
			burst(count, `${server.url}/api/clyde/sync/push`, { events: [] }, () => ({
				Authorization: session.token
			}));
		const answers = await push(flooder, 130);
		expect(served(answers)).toHaveLength(120);
		expect(refused(answers)).toHaveLength(10);
		expect(refused(answers)[0]?.retryAfter).toBeLessThanOrEqual(60);
		expect(served(await push(neighbour, 1))).toHaveLength(1);
		console.log(`push burst: 120 of 130 parallel pushes served, 10 answered 429`);
	});
});

describe('short windows and a trusted proxy', () => {
	let server: TestServer;
	let admin: PocketBase;
	beforeAll(async () => {
		server = await startTestServer(undefined, {
			rateLimits: 'real',
			env: { CLYDE_RATE_PUSH: '1/2s', CLYDE_TRUSTED_PROXIES: '127.0.0.1' }
		});
		admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		await createLessons(admin, 'limits', 1);
	});
	afterAll(() => server?.destroy());

	it('the app backs off on 429 for as long as Retry-After says and loses no event', async () => {
		const session = await learner(server, admin);
		const db = openDatabase(`limits-${Math.random()}`);
		await saveSession(db, session);
		const opened = { type: 'lesson_opened', lesson: 'limits-l1', module: 'limits-m' } as const;
		for (let i = 0; i < 3; i++) await recordEvent(db, { ...opened, pathway: 'limits-p' });
		const delays: number[] = [];
		const engine = new SyncEngine(db, learnerApi(server.url), {
			now: () => new Date(),
			random: () => 0,
			setTimeout: (_run, ms) => delays.push(ms),
			clearTimeout: () => {}
		});
		// Another tab of the same learner has just used this window's only push.
		await learnerApi(server.url)
			.sync.push(session, [])
			.catch(() => {});

		await engine.syncNow();
		expect(engine.status.state).toBe('waiting');
		expect(engine.status.message).toMatch(/^Too many sync requests\. Try again in \d seconds?\.$/);
		expect(delays.at(-1)).toBeGreaterThanOrEqual(1000);
		expect(await db.outbox.count()).toBe(3);

		await new Promise((wait) => setTimeout(wait, delays.at(-1)));
		await engine.syncNow();
		expect(engine.status.state).toBe('idle');
		expect(await db.outbox.count()).toBe(0);
		const stored = await admin
			.collection('progress_events')
			.getFullList({ filter: admin.filter('user = {:u}', { u: session.userId }) });
		expect(stored).toHaveLength(3);
		await db.delete();
	});

	it('behind a trusted proxy each client address has its own sign-in budget', async () => {
		const signIn = (client: string, count: number) =>
			burst(
				count,
				`${server.url}/api/collections/users/auth-with-password`,
				{ identity: 'shared@example.org', password: 'guess-guess-guess' },
				// What a proxy sends: whatever the client claimed, then the address it saw.
				() => ({ 'X-Forwarded-For': `10.9.9.9, ${client}` })
			);
		expect(refused(await signIn('203.0.113.5', 11))).toHaveLength(1);
		expect(refused(await signIn('203.0.113.6', 1))).toHaveLength(0);
	});
});
