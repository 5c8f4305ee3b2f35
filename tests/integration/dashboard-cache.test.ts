import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute } from '../support/call-route';
import type { Catalog } from '../../src/lib/content/catalog-types';
import { hooksWith, type HooksDir } from '../support/extra-hooks';
import {
	publishBundledContent,
	startTestServer,
	TEST_ADMIN,
	type TestServer
} from '../support/pocketbase';

// The tutor's dashboard read brought up to date from its kept answer
// (pb_hooks/lib/dashboard-cache.js) must be exactly what a build at the same moment sends.
// A server of its own: the answer's cursor is the newest event of the whole server, so
// pushes from other test files would move it between the two reads compared.

const STORE_HOOK = resolve(
	import.meta.dirname,
	'../fixtures/dashboard-store/dashboard-store.pb.js'
);
const PASSWORD = `cache-${randomUUID().slice(0, 8)}-secret`;

interface Account {
	id: string;
	token: string;
}

let server: TestServer;
let hooks: HooksDir;
let admin: PocketBase;
let lessons: string[];
/** A module of the bundled content with at least three lessons. */
const place = { pathway: '', module: '' };

async function signUp(name: string, role: string): Promise<Account> {
	const email = `${name.toLowerCase()}@example.org`;
	const record = await admin
		.collection('users')
		.create({ email, password: PASSWORD, passwordConfirm: PASSWORD, name, role });
	const pb = new PocketBase(server.url);
	await pb.collection('users').authWithPassword(email, PASSWORD);
	return { id: record.id, token: pb.authStore.token };
}

const call = (who: Account, method: string, path: string, body?: unknown) =>
	callRoute(server.url, who.token, method, path, body);

async function push(learner: Account, events: Array<[string, number, Record<string, unknown>?]>) {
	const answer = await call(learner, 'POST', '/api/clyde/sync/push', {
		events: events.map(([type, lesson, extra]) => ({
			id: randomUUID(),
			type,
			lesson: lessons[lesson],
			module: place.module,
			pathway: place.pathway,
			at: new Date().toISOString(),
			...extra
		}))
	});
	expect(answer.status, answer.text).toBe(200);
}

/** The whole read as sent, and how the server made it (its Server-Timing). */
async function read(who: Account, cohort: string) {
	const response = await fetch(`${server.url}/api/clyde/cohorts/${cohort}/progress`, {
		headers: { authorization: who.token }
	});
	const timing = response.headers.get('server-timing') ?? '';
	return {
		status: response.status,
		text: await response.text(),
		sent: /"(\w+)"/.exec(timing)?.[1]
	};
}

/**
 * What a build sends now: the tutor saves the cohort as it is (its `updated` moves, which is
 * in the kept answer's key), so the next read is built afresh.
 */
async function fresh(tutor: Account, cohort: string) {
	const saved = await call(tutor, 'PATCH', `/api/collections/cohorts/records/${cohort}`, {});
	expect(saved.status, saved.text).toBe(200);
	const built = await read(tutor, cohort);
	expect(built.sent).toBe('built');
	return built.text;
}

/** Reads the cohort (as its tutor), checks it came as `sent`, and equals a fresh build. */
async function expectUpToDate(tutor: Account, cohort: string, sent: string) {
	const answer = await read(tutor, cohort);
	expect(answer.status).toBe(200);
	expect(answer.sent).toBe(sent);
	expect(answer.text).toBe(await fresh(tutor, cohort));
	return JSON.parse(answer.text) as {
		cursor: number;
		learners: Array<{ id: string }>;
		cells: { learner: number[]; lesson: string[]; flags: number[] };
	};
}

const kept = async (cohort: string) =>
	(
		await callRoute(
			server.url,
			admin.authStore.token,
			'GET',
			`/api/clyde-test/dashboard-kept/${cohort}`
		)
	).body.kept as boolean;

describe('the kept dashboard answer, patched after pushes', () => {
	let tutor: Account;
	let otherTutor: Account;
	let ada: Account;
	let ben: Account;
	let cleo: Account;
	let dan: Account;

	beforeAll(async () => {
		hooks = await hooksWith([STORE_HOOK]);
		server = await startTestServer(undefined, { hooksDir: hooks.dir });
		admin = new PocketBase(server.url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		await publishBundledContent(server.url);
		const catalog = (await (await fetch(`${server.url}/api/clyde/catalog`)).json()) as Catalog;
		const pathway = catalog.pathways.find((p) => p.modules.some((m) => m.lessons.length >= 3));
		const module = pathway?.modules.find((m) => m.lessons.length >= 3);
		if (!pathway || !module) throw new Error('the bundled content has no module of 3 lessons');
		Object.assign(place, { pathway: pathway.id, module: module.id });
		lessons = module.lessons.map((lesson) => lesson.id);
		[tutor, otherTutor] = await Promise.all([signUp('Tess', 'tutor'), signUp('Omar', 'tutor')]);
		[ada, ben, cleo, dan] = await Promise.all([
			signUp('Ada', 'learner'),
			signUp('Ben', 'learner'),
			signUp('Cleo', 'learner'),
			signUp('Dan', 'learner')
		]);
	}, 120_000);

	afterAll(async () => {
		await server?.destroy();
		await hooks?.remove();
	});

	it('after pushes, joins, leaves and a publish, the read equals a fresh build byte for byte, and shows no other cohort', async () => {
		const create = async (owner: Account, name: string) =>
			(
				await call(owner, 'POST', '/api/collections/cohorts/records', {
					name,
					pathway: place.pathway,
					tutor: owner.id
				})
			).body as { id: string; join_code: string };
		const mine = await create(tutor, 'Mine');
		const theirs = await create(otherTutor, 'Theirs');
		for (const learner of [ada, ben]) {
			expect(
				(await call(learner, 'POST', '/api/clyde/cohorts/join', { code: mine.join_code })).status
			).toBe(200);
		}
		for (const learner of [ada, cleo]) {
			expect(
				(await call(learner, 'POST', '/api/clyde/cohorts/join', { code: theirs.join_code })).status
			).toBe(200);
		}
		expect((await read(tutor, mine.id)).sent).toBe('built');
		expect((await read(tutor, mine.id)).sent).toBe('kept');
		expect((await read(otherTutor, theirs.id)).sent).toBe('built');

		// Pushes: Ada's reach both cohorts, Ben's only mine, Cleo's only theirs.
		await push(ada, [
			['lesson_opened', 0],
			['quiz_completed', 0, { correct: 3, total: 4, passed: true }]
		]);
		let board = await expectUpToDate(tutor, mine.id, 'patched');
		expect(board.cells.lesson).toEqual([lessons[0]]);
		await push(ben, [
			['lesson_opened', 1],
			['lesson_completed', 1],
			['lesson_opened', 2]
		]);
		await push(cleo, [['lesson_opened', 2]]);
		await push(ada, [
			['quiz_completed', 0, { correct: 4, total: 4, passed: true }],
			['lesson_opened', 1]
		]);
		board = await expectUpToDate(tutor, mine.id, 'patched');
		expect(board.cells.lesson).toHaveLength(4);
		await expectUpToDate(otherTutor, theirs.id, 'patched');

		// A push that reaches only the other cohort moves the cursor alone.
		await push(cleo, [['lesson_completed', 2]]);
		const unchanged = await expectUpToDate(tutor, mine.id, 'kept');
		expect(unchanged.cursor).toBeGreaterThan(board.cursor);
		expect(unchanged.cells).toEqual(board.cells);

		// A join and a leave: built again, then patched after the next push.
		expect(
			(await call(dan, 'POST', '/api/clyde/cohorts/join', { code: mine.join_code })).status
		).toBe(200);
		board = await expectUpToDate(tutor, mine.id, 'built');
		expect(board.learners.map((l) => l.id).sort()).toEqual([ada.id, ben.id, dan.id].sort());
		await push(dan, [['lesson_opened', 0]]);
		await expectUpToDate(tutor, mine.id, 'patched');
		const bens = await admin.collection('memberships').getFirstListItem(
			admin.filter('cohort = {:cohort} && learner = {:learner}', {
				cohort: mine.id,
				learner: ben.id
			})
		);
		expect(
			(await call(ben, 'DELETE', `/api/collections/memberships/records/${bens.id}`)).status
		).toBe(204);
		board = await expectUpToDate(tutor, mine.id, 'built');
		expect(board.learners.map((l) => l.id)).not.toContain(ben.id);
		await push(ben, [['lesson_completed', 2]]);
		await push(ada, [['lesson_completed', 2]]);
		await expectUpToDate(tutor, mine.id, 'patched');

		// A publish (the bundled content again) changes nothing the read shows.
		await publishBundledContent(server.url);
		await push(dan, [['lesson_completed', 0]]);
		await expectUpToDate(tutor, mine.id, 'patched');

		// Neither tutor sees the other's cohort, kept or patched.
		const final = await read(tutor, mine.id);
		expect(final.text).not.toContain(cleo.id);
		expect(final.text).not.toContain(ben.id);
		const other = await read(otherTutor, theirs.id);
		expect(other.text).not.toContain(dan.id);
		expect(other.text).not.toContain(ben.id);
		for (const [who, cohort] of [
			[otherTutor, mine.id],
			[tutor, theirs.id],
			[ada, mine.id]
		] as const) {
			const refused = await read(who, cohort);
			expect(refused.status).toBe(404);
			expect(refused.text).not.toContain(ada.id);
		}
	}, 120_000);

	it("a deleted cohort's kept answer goes, and at most MAX_KEPT cohorts are kept", async () => {
		const create = async (name: string) =>
			(
				await call(tutor, 'POST', '/api/collections/cohorts/records', {
					name,
					pathway: place.pathway,
					tutor: tutor.id
				})
			).body as { id: string };
		const gone = await create('Gone');
		await read(tutor, gone.id);
		expect(await kept(gone.id)).toBe(true);
		expect(
			(await call(tutor, 'DELETE', `/api/collections/cohorts/records/${gone.id}`)).status
		).toBe(204);
		expect(await kept(gone.id)).toBe(false);

		// MAX_KEPT in pb_hooks/lib/dashboard-cache.js: the least recently read goes first.
		const many = [];
		for (let i = 0; i < 41; i++) many.push(await create(`Many ${i}`));
		for (const cohort of many) expect((await read(tutor, cohort.id)).sent).toBe('built');
		const [oldest, next] = many;
		expect(await kept(String(oldest?.id))).toBe(false);
		expect(await kept(String(next?.id))).toBe(true);
		expect(await kept(String(many.at(-1)?.id))).toBe(true);
	}, 120_000);
});
