import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/pocketbase/ports';
import type { RunningPocketBase } from '../../scripts/pocketbase/server';
import type { ProgressEvent } from '../../src/lib/progress/event-types';
import { fromProgress, tallyEvents } from '../../src/lib/tutor/cohort-state';
import type { CohortChanges, CohortProgress } from '../../src/lib/tutor/types';
import { callRoute } from '../support/call-route';
import { createLessons } from '../support/content-records';
import { prepareDataDir, serveDataDir } from '../support/data-dir-server';
import { hooksWith, type HooksDir } from '../support/extra-hooks';
import { TEST_ADMIN } from '../support/pocketbase';

/**
 * The dashboard reads the lesson tallies, which the push keeps. A data dir (or a backup) from
 * before them has only events: their migration counts those, with its own copy of the rule,
 * before the server takes a push. This makes such a data dir and checks what it counted.
 */
describe('the lesson tallies of events stored before them', () => {
	let work: string;
	let hooks: HooksDir;
	let server: RunningPocketBase;
	let port: number;

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'clyde-tallies-'));
		hooks = await hooksWith([
			resolve(import.meta.dirname, '../fixtures/before-tallies/before-tallies.pb.js')
		]);
		port = await freePort();
		await prepareDataDir(work);
		server = await serveDataDir(work, { port, hooksDir: hooks.dir });
	});

	afterAll(async () => {
		await server?.stop();
		await hooks?.remove();
		await rm(work, { recursive: true, force: true });
	});

	it('are counted by the migration as the push counts them', async () => {
		const url = server.url;
		const admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const lessons = await createLessons(admin, 'old', 4, { published: true });
		const password = 'tallies-test-passphrase';
		const made = async (email: string, role: string) => {
			const record = await admin
				.collection('users')
				.create({ email, password, passwordConfirm: password, name: email, role });
			const pb = new PocketBase(url);
			await pb.collection('users').authWithPassword(email, password);
			return { id: record.id, token: pb.authStore.token };
		};
		const tutor = await made('tutor@example.org', 'tutor');
		const learner = await made('learner@example.org', 'learner');
		const cohort = await callRoute(url, tutor.token, 'POST', '/api/collections/cohorts/records', {
			name: 'Old',
			pathway: 'old-p',
			tutor: tutor.id
		});
		await callRoute(url, learner.token, 'POST', '/api/clyde/cohorts/join', {
			code: cohort.body.join_code
		});
		const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 9, minutes)).toISOString();
		const place = { module: 'old-m', pathway: 'old-p' };
		const events: ProgressEvent[] = [
			{
				id: randomUUID(),
				type: 'lesson_opened',
				lesson: lessons[0] as string,
				...place,
				at: at(1)
			},
			{
				id: randomUUID(),
				type: 'lesson_completed',
				lesson: lessons[0] as string,
				...place,
				at: at(9)
			},
			{
				id: randomUUID(),
				type: 'quiz_completed',
				lesson: lessons[1] as string,
				...place,
				at: at(12),
				correct: 1,
				total: 3,
				passed: false
			},
			{
				id: randomUUID(),
				type: 'quiz_completed',
				lesson: lessons[1] as string,
				...place,
				at: at(14),
				correct: 3,
				total: 3,
				passed: true
			},
			{
				id: randomUUID(),
				type: 'exercise_checked',
				lesson: lessons[1] as string,
				...place,
				at: at(16),
				exercise: 'first',
				passed: true,
				failed: []
			},
			{
				id: randomUUID(),
				type: 'exercise_checked',
				lesson: lessons[1] as string,
				...place,
				at: at(15),
				exercise: 'first',
				passed: true,
				failed: []
			},
			{
				id: randomUUID(),
				type: 'exercise_checked',
				lesson: lessons[1] as string,
				...place,
				at: at(17),
				exercise: 'second',
				passed: false,
				failed: [1]
			},
			{
				id: randomUUID(),
				type: 'quiz_answered',
				lesson: lessons[2] as string,
				...place,
				at: at(20),
				question: 0,
				correct: true
			}
		];
		const pushed = await callRoute(url, learner.token, 'POST', '/api/clyde/sync/push', { events });
		expect(pushed.status, pushed.text).toBe(200);
		const read = async () => {
			const whole = await callRoute(
				url,
				tutor.token,
				'GET',
				`/api/clyde/cohorts/${cohort.body.id}/progress`
			);
			const since = await callRoute(
				url,
				tutor.token,
				'GET',
				`/api/clyde/cohorts/${cohort.body.id}/progress?after=0`
			);
			return { whole: whole.body as CohortProgress, since: since.body as CohortChanges };
		};
		const before = await read();

		const forgot = await callRoute(
			url,
			admin.authStore.token,
			'POST',
			'/api/test/before-tallies',
			{}
		);
		expect(forgot.status, forgot.text).toBe(200);
		await server.stop();
		server = await serveDataDir(work, { port, hooksDir: hooks.dir });
		const after = await read();

		expect(after.whole).toEqual(before.whole);
		const tallies = fromProgress(after.whole).tallies;
		expect(tallies).toEqual(tallyEvents(after.since.events));
		expect(tallies.get(learner.id)?.lessons.get(lessons[1] as string)).toMatchObject({
			quizPassed: true,
			fails: 1,
			bestScore: 1,
			finishedAt: at(14),
			exercisesPassed: { first: at(15) }
		});
	});
});
