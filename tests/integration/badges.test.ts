import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import {
	createLocalJWKSet,
	decodeJwt,
	decodeProtectedHeader,
	jwtVerify,
	type JSONWebKeySet
} from 'jose';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';

const PASSWORD = `badges-${randomUUID().slice(0, 8)}-secret`;
const SCHEMA = JSON.parse(
	readFileSync(
		resolve(import.meta.dirname, '../fixtures/open-badges-3/achievementcredential.schema.json'),
		'utf8'
	)
) as object;

interface Account {
	id: string;
	token: string;
}

interface Badge {
	id: string;
	pathway: string;
	credential: string;
	display_name: string;
	issued: string;
	revoked: string;
	revoked_reason: string;
}

/** The parts of a credential these tests read. */
interface Credential {
	id: string;
	type: string[];
	iss: string;
	jti: string;
	sub: string;
	nbf: number;
	validFrom: string;
	issuer: { id: string };
	credentialSubject: {
		id: string;
		identifier?: unknown;
		achievement: { name: string; criteria: { narrative: string } };
	};
	credentialStatus: { id: string };
}

/** The Open Badges 3.0 schema, compiled by Ajv (not by anything of ours). */
function schemaValidator() {
	const ajv = new Ajv2019({ strict: false, allErrors: true });
	addFormats.default(ajv);
	return ajv.compile(SCHEMA);
}

describe('badges anyone can verify (real PocketBase, verified with jose)', () => {
	const url = inject('pbUrl');
	let admin: PocketBase;
	let learner: Account;
	let stranger: Account;
	let tutor: Account;
	let otherTutor: Account;
	let cohortId: string;
	const set = `bd${randomUUID().slice(0, 6)}`;
	const pathway = `${set}-p`;
	const lessons = [`${set}-l1`, `${set}-l2`, `${set}-l3`];

	const call = (who: Account | null, method: string, path: string, body?: unknown) =>
		callRoute(url, who?.token ?? '', method, path, body);
	const claim = (who: Account, body: Record<string, unknown> = {}) =>
		call(who, 'POST', '/api/clyde/badges/claim', { pathway, ...body });
	const issuerKeys = async () =>
		(await call(null, 'GET', '/api/clyde/badges/issuer')).body as JSONWebKeySet & {
			id: string;
			name: string;
		};

	/** The cohort's notice count that makes its open dashboards load it whole (0 before any). */
	const roster = () =>
		admin
			.collection('cohort_activity')
			.getOne(cohortId)
			.then((notice) => Number(notice.roster))
			.catch(() => 0);

	async function account(name: string, role: string): Promise<Account> {
		const email = `${set}-${name.toLowerCase()}@example.org`;
		const record = await admin
			.collection('users')
			.create({ email, name, role, password: PASSWORD, passwordConfirm: PASSWORD });
		const pb = new PocketBase(url);
		await pb.collection('users').authWithPassword(email, PASSWORD);
		return { id: record.id, token: pb.authStore.token };
	}

	/** Pushes events on the test pathway's lessons, as the learner's outbox would. */
	async function push(who: Account, events: Record<string, unknown>[]) {
		const full = events.map((e) => ({
			id: randomUUID(),
			module: `${set}-m`,
			pathway,
			at: new Date().toISOString(),
			...e
		}));
		const answer = await call(who, 'POST', '/api/clyde/sync/push', { events: full });
		expect(answer.status, answer.text).toBe(200);
	}

	beforeAll(async () => {
		admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await createLessons(admin, set, 3, { published: true });
		// The last lesson has an exercise: done needs it passed too (lib/lesson-done.js).
		const last = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('content_id = {:id}', { id: lessons[2] }));
		await admin.collection('lessons').update(last.id, { exercises: [{ id: 'final' }] });
		[learner, stranger, tutor, otherTutor] = await Promise.all([
			account('Learner', 'learner'),
			account('Stranger', 'learner'),
			account('Tutor', 'tutor'),
			account('Othertutor', 'tutor')
		]);
		const cohort = await admin
			.collection('cohorts')
			.create({ name: set, pathway, tutor: tutor.id });
		cohortId = cohort.id;
		await admin.collection('memberships').create({ cohort: cohort.id, learner: learner.id });
	});
	afterAll(async () => {
		if (cohortId) await admin.collection('cohorts').delete(cohortId);
		// The server is shared with other test files: leave nothing behind. Deleting the accounts
		// deletes their events and badges; other files publish content and would unpublish ours.
		for (const who of [learner, stranger, tutor, otherTutor]) {
			if (who) await admin.collection('users').delete(who.id);
		}
		for (const collection of ['lessons', 'modules', 'pathways']) {
			const mine = await admin
				.collection(collection)
				.getFullList({ filter: admin.filter('content_id ~ {:p}', { p: `${set}-` }) });
			for (const record of mine) await admin.collection(collection).delete(record.id);
		}
	});

	let badge: Badge;

	it('refuses a pathway not done by the server’s own events with 409, naming what is missing', async () => {
		await push(learner, [
			{ type: 'lesson_completed', lesson: lessons[0] },
			{ type: 'quiz_completed', lesson: lessons[1], correct: 4, total: 4, passed: true },
			{ type: 'lesson_opened', lesson: lessons[2] },
			{ type: 'quiz_completed', lesson: lessons[2], correct: 1, total: 4, passed: false }
		]);
		const answer = await claim(learner);
		expect(answer.status, answer.text).toBe(409);
		expect(answer.body.data.missing).toEqual([{ id: lessons[2], title: 'Lesson 3' }]);
	});

	it('issues an Open Badges 3.0 credential once the last lesson is done, its exercise too', async () => {
		await push(learner, [
			{ type: 'lesson_completed', lesson: lessons[2] },
			{
				type: 'exercise_checked',
				lesson: lessons[2],
				exercise: 'final',
				passed: false,
				failed: [0]
			}
		]);
		const early = await claim(learner);
		expect(early.status, early.text).toBe(409);
		expect(early.body.data.missing).toEqual([{ id: lessons[2], title: 'Lesson 3' }]);
		await push(learner, [
			{ type: 'exercise_checked', lesson: lessons[2], exercise: 'final', passed: true, failed: [] }
		]);
		const before = await roster();
		const answer = await claim(learner, { name: '  Zoë   Learner ' });
		expect(answer.status, answer.text).toBe(201);
		badge = answer.body as Badge;
		// The tutor's open dashboards hear of it and load the cohort again, badges included.
		expect(await roster()).toBe(before + 1);
		expect(badge.display_name).toBe('Zoë Learner');

		const header = decodeProtectedHeader(badge.credential);
		expect(Object.keys(header).sort()).toEqual(['alg', 'kid', 'typ']);
		expect(header.alg).toBe('EdDSA');

		const vc = decodeJwt(badge.credential) as unknown as Credential;
		const validate = schemaValidator();
		expect(validate(vc), JSON.stringify(validate.errors)).toBe(true);
		expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(vc.iss).toBe(vc.issuer.id);
		expect(vc.jti).toBe(vc.id);
		expect(vc.sub).toBe(vc.credentialSubject.id);
		expect(new Date(vc.nbf * 1000).toISOString().replace('.000', '')).toBe(vc.validFrom);
		expect(vc.credentialSubject.achievement.name).toBe('P');
		expect(vc.credentialSubject.achievement.criteria.narrative).toContain('Lesson 3');
		expect(vc.credentialSubject.identifier).toEqual([
			{ type: 'IdentityObject', identityHash: 'Zoë Learner', identityType: 'name', hashed: false }
		]);
		expect(vc.credentialStatus.id).toMatch(new RegExp(`/api/clyde/badges/status/${badge.id}$`));
	});

	it('verifies with an independent library (jose) against the published keys, and one changed character fails', async () => {
		const issuer = await issuerKeys();
		expect(issuer.keys.every((k) => !('d' in k))).toBe(true);
		const keys = createLocalJWKSet(issuer);
		const { payload } = await jwtVerify(badge.credential, keys, {
			algorithms: ['EdDSA'],
			issuer: issuer.id
		});
		expect(payload.jti).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

		const [head, body, signature] = badge.credential.split('.') as [string, string, string];
		const json = Buffer.from(body, 'base64url')
			.toString('utf8')
			.replace('Zoë Learner', 'Zoë Learnes');
		const forged = `${head}.${Buffer.from(json).toString('base64url')}.${signature}`;
		await expect(jwtVerify(forged, keys, { algorithms: ['EdDSA'] })).rejects.toThrow(/signature/);
		const flipped = body.slice(0, 40) + (body[40] === 'A' ? 'B' : 'A') + body.slice(41);
		await expect(
			jwtVerify(`${head}.${flipped}.${signature}`, keys, { algorithms: ['EdDSA'] })
		).rejects.toThrow();
	});

	it('gives the same badge when claimed twice, whatever name is sent then', async () => {
		const again = await claim(learner, { name: 'Someone Else' });
		expect(again.status, again.text).toBe(200);
		expect(again.body).toEqual(badge);
	});

	it('lets nobody claim for someone else: a stranger without the events is refused, and cannot read the badge', async () => {
		const answer = await claim(stranger, { user: learner.id });
		expect(answer.status, answer.text).toBe(409);
		expect(answer.body.data.missing).toHaveLength(3);
		const read = await call(stranger, 'GET', `/api/collections/badges/records/${badge.id}`);
		expect(read.status).toBe(404);
		const own = await call(learner, 'GET', `/api/collections/badges/records/${badge.id}`);
		expect(own.status).toBe(200);
		const keys = await call(learner, 'GET', '/api/collections/badge_keys/records');
		expect(keys.status).toBe(403);
	});

	it('checks the claim’s input and needs a signed-in learner', async () => {
		expect((await call(null, 'POST', '/api/clyde/badges/claim', { pathway })).status).toBe(401);
		expect((await claim(learner, { pathway: '../x' })).status).toBe(400);
		expect((await claim(learner, { name: 'x'.repeat(81) })).status).toBe(400);
		expect((await claim(learner, { pathway: `${set}-nope` })).status).toBe(404);
	});

	it('lets only the learner’s tutor (or an admin) revoke, and the status says revoked and why', async () => {
		const revoke = (who: Account | null, reason = 'Issued by mistake') =>
			call(who, 'POST', `/api/clyde/badges/${badge.id}/revoke`, { reason });
		expect((await call(null, 'GET', `/api/clyde/badges/status/${badge.id}`)).body.status).toBe(
			'active'
		);
		expect((await revoke(otherTutor)).status).toBe(404);
		expect((await revoke(learner)).status).toBe(404);
		expect((await revoke(null)).status).toBe(401);
		expect((await revoke(tutor, '  ')).status).toBe(400);
		const jti = decodeJwt(badge.credential).jti;
		const listed = async () =>
			(await call(null, 'GET', '/api/clyde/badges/revoked')).body.revoked.filter(
				(entry: { id: string }) => entry.id === jti
			);
		expect(await listed()).toEqual([]);
		const before = await roster();
		const done = await revoke(tutor);
		expect(done.status, done.text).toBe(200);
		expect(done.body).toMatchObject({ status: 'revoked', reason: 'Issued by mistake' });
		// Open dashboards hear of it once; revoking again changes nothing and says nothing.
		expect(await roster()).toBe(before + 1);
		expect((await revoke(tutor, 'Another reason')).body.reason).toBe('Issued by mistake');
		expect(await roster()).toBe(before + 1);

		const status = await call(null, 'GET', `/api/clyde/badges/status/${badge.id}`);
		expect(status.body).toMatchObject({ status: 'revoked', reason: 'Issued by mistake' });
		expect(status.body.credential).toBe(jti);
		// The revocation list a verifier keeps for offline checks has it, and says where to ask.
		const list = await call(null, 'GET', '/api/clyde/badges/revoked');
		expect(list.status).toBe(200);
		expect(list.body.issuer).toBe((await issuerKeys()).id);
		expect(await listed()).toEqual([
			{
				id: jti,
				status: decodeJwt<Credential>(badge.credential).credentialStatus.id,
				revoked: status.body.revoked,
				reason: 'Issued by mistake'
			}
		]);
		expect(list.text).not.toContain(learner.id);
		const mine = await claim(learner);
		expect(mine.status).toBe(200);
		expect(mine.body.revoked).not.toBe('');
		expect(mine.body.revoked_reason).toBe('Issued by mistake');
		expect((await call(null, 'GET', '/api/clyde/badges/status/nosuchbadge1234')).status).toBe(404);

		// The tutor's dashboard counts it, revoked, with the id its button sends and the reason.
		const dashboard = await call(tutor, 'GET', `/api/clyde/cohorts/${cohortId}/progress`);
		expect(dashboard.body.badges).toEqual([
			{
				id: badge.id,
				user: learner.id,
				issued: badge.issued,
				revoked: expect.any(String),
				reason: 'Issued by mistake'
			}
		]);
		expect(dashboard.body.badges[0].revoked).not.toBe('');
	});

	it('keeps old badges verifiable after the key is rotated, and signs new ones with the new key', async () => {
		const before = await issuerKeys();
		const rotated = await callRoute(
			url,
			admin.authStore.token,
			'POST',
			'/api/clyde/badges/keys/rotate'
		);
		expect(rotated.status, rotated.text).toBe(201);
		const after = await issuerKeys();
		expect(after.keys).toHaveLength(before.keys.length + 1);
		expect(after.keys.slice(0, before.keys.length)).toEqual(before.keys);
		await jwtVerify(badge.credential, createLocalJWKSet(after), { algorithms: ['EdDSA'] });
		const one = await call(null, 'GET', new URL(rotated.body.kid).pathname);
		expect(one.body).toEqual(after.keys.at(-1));

		await push(stranger, [
			...lessons.map((lesson) => ({ type: 'lesson_completed', lesson })),
			{ type: 'exercise_checked', lesson: lessons[2], exercise: 'final', passed: true, failed: [] }
		]);
		const fresh = await claim(stranger);
		expect(fresh.status, fresh.text).toBe(201);
		expect(fresh.body.display_name).toBe('');
		expect(decodeJwt(fresh.body.credential).credentialSubject).not.toHaveProperty('identifier');
		expect(decodeProtectedHeader(fresh.body.credential).kid).toBe(rotated.body.kid);
		await jwtVerify(fresh.body.credential, createLocalJWKSet(after), { algorithms: ['EdDSA'] });
	});
});
