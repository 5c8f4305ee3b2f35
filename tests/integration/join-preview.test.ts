import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/pocketbase';

const PASSWORD = `preview-${randomUUID().slice(0, 8)}-secret`;

interface Account {
	id: string;
	token: string;
	email: string;
}

async function account(url: string, admin: PocketBase, name: string, role: string) {
	const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 6)}@example.org`;
	const record = await admin
		.collection('users')
		.create({ email, name, role, password: PASSWORD, passwordConfirm: PASSWORD });
	const pb = new PocketBase(url);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { id: record.id, token: pb.authStore.token, email };
}

async function cohortOf(url: string, admin: PocketBase, tutor: Account, name: string) {
	const set = `pv${randomUUID().slice(0, 6)}`;
	await createLessons(admin, set, 1, { published: true });
	const pb = new PocketBase(url);
	pb.authStore.save(tutor.token, null);
	return pb.collection('cohorts').create({ name, pathway: `${set}-p`, tutor: tutor.id });
}

describe('what a join code opens, before joining (real PocketBase)', () => {
	const url = inject('pbUrl');
	let admin: PocketBase;
	let tutor: Account;
	let learner: Account;
	let cohort: { id: string; join_code: string; pathway: string };
	const preview = (who: Account | null, code: unknown) =>
		callRoute(url, who?.token ?? '', 'POST', '/api/clyde/cohorts/preview', { code });

	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		[tutor, learner] = await Promise.all([
			account(url, admin, 'Morag Tutor', 'tutor'),
			account(url, admin, 'Ailsa Learner', 'learner')
		]);
		cohort = (await cohortOf(url, admin, tutor, 'Tuesday evenings')) as unknown as typeof cohort;
	});
	afterAll(async () => {
		if (cohort) await admin.collection('cohorts').delete(cohort.id);
		for (const who of [tutor, learner]) if (who) await admin.collection('users').delete(who.id);
	});

	it('names the class, its pathway and its tutor to a learner with the right code, and nothing more', async () => {
		const answer = await preview(learner, cohort.join_code.toLowerCase());
		expect(answer.status, answer.text).toBe(200);
		expect(answer.body).toEqual({
			cohort: { name: 'Tuesday evenings', pathway: cohort.pathway },
			tutor: { name: 'Morag Tutor' },
			member: false
		});
		for (const secret of [cohort.id, cohort.join_code, tutor.id, tutor.email])
			expect(answer.text).not.toContain(secret);
		const members = await admin
			.collection('memberships')
			.getFullList({ filter: admin.filter('cohort = {:id}', { id: cohort.id }) });
		expect(members).toEqual([]);
	});

	it('says when the learner is in the class already', async () => {
		await callRoute(url, learner.token, 'POST', '/api/clyde/cohorts/join', {
			code: cohort.join_code
		});
		expect((await preview(learner, cohort.join_code)).body.member).toBe(true);
	});

	it('answers a wrong code exactly as joining does, and only signed-in learners', async () => {
		const wrong = await preview(learner, 'ZZZZZZZZ');
		const joining = await callRoute(url, learner.token, 'POST', '/api/clyde/cohorts/join', {
			code: 'ZZZZZZZZ'
		});
		expect(wrong.status).toBe(404);
		expect(wrong.body).toEqual(joining.body);
		expect((await preview(null, cohort.join_code)).status).toBe(401);
		expect((await preview(tutor, cohort.join_code)).status).toBe(403);
	});
});

describe('previews count as join attempts for the rate limits', () => {
	let server: TestServer;
	afterAll(() => server?.destroy());

	it('a learner who previews twice with a limit of 2 cannot then join for a while', async () => {
		server = await startTestServer(undefined, {
			rateLimits: 'real',
			env: { CLYDE_RATE_JOIN: '2/15m' }
		});
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const tutor = await account(server.url, admin, 'Tutor', 'tutor');
		const learner = await account(server.url, admin, 'Learner', 'learner');
		const cohort = await cohortOf(server.url, admin, tutor, 'Limited');
		const body = { code: cohort.join_code };
		const statuses = [];
		for (const path of ['preview', 'preview', 'join']) {
			const answer = await callRoute(
				server.url,
				learner.token,
				'POST',
				`/api/clyde/cohorts/${path}`,
				body
			);
			statuses.push(answer.status);
		}
		expect(statuses).toEqual([200, 200, 429]);
	});
});
