import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPocketBase } from '../../scripts/pocketbase/server';
import { freePort } from '../../scripts/pocketbase/ports';
import { openDatabase, type ClydeDatabase } from '../../src/lib/db/database';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { syncApi, type Session } from '../../src/lib/sync/sync-api';
import { createLessons } from '../support/content-records';
import { prepareDataDir, serveDataDir } from '../support/data-dir-server';
import { hooksWithIntegrityCheck, integrityCheck } from '../support/integrity-hook';
import { queueEvents } from '../support/outbox-batch';
import { TEST_ADMIN } from '../support/pocketbase';

/** The largest batch the push route takes. */
const BATCH = 500;
/** When to kill, as shares of how long a whole push takes on this machine. */
const MOMENTS = [0.05, 0.3, 0.6, 0.8, 0.9, 1, 1.1, 1.5];

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('PocketBase is SIGKILLed in the middle of a push batch', () => {
	let work: string;
	let hooks: Awaited<ReturnType<typeof hooksWithIntegrityCheck>>;
	let server: RunningPocketBase;
	let port: number;
	let admin: PocketBase;
	let lessons: string[];
	const api = () => syncApi(server.url);

	const recordBatch = (db: ClydeDatabase) =>
		queueEvents(db, BATCH, { lessons, module: 'kill-m', pathway: 'kill-p' });

	/** Restarts PocketBase on the same data dir and port, and warms it as a phone's pull would. */
	async function restart(session: Session): Promise<void> {
		await server.stop();
		server = await serveDataDir(work, { port, hooksDir: hooks.dir });
		await api().pull(session, 0, 1);
	}

	async function storedCount(userId: string): Promise<number> {
		const page = await admin.collection('progress_events').getList(1, 1, {
			filter: admin.filter('user = {:u}', { u: userId }),
			requestKey: null
		});
		return page.totalItems;
	}

	/** The learner's op ids on the server, as the admin sees the table (duplicates included). */
	async function storedOpIds(userId: string): Promise<string[]> {
		const records = await admin.collection('progress_events').getFullList({
			filter: admin.filter('user = {:u}', { u: userId }),
			fields: 'op_id',
			requestKey: null
		});
		return records.map((r) => r.op_id as string);
	}

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'clyde-kill-'));
		hooks = await hooksWithIntegrityCheck();
		await prepareDataDir(work);
		port = await freePort();
		server = await serveDataDir(work, { port, hooksDir: hooks.dir });
		admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		lessons = await createLessons(admin, 'kill', 3);
	});

	afterAll(async () => {
		await server?.stop();
		await hooks?.remove();
		await rm(work, { recursive: true, force: true });
	});

	it(`a ${BATCH}-event batch is all there or not at all, and the client's retry completes it once`, async () => {
		const email = `kill-${Date.now()}@example.org`;
		await api().signUp(email, 'learner-password-1', 'Kill Learner');
		const session = await api().signIn(email, 'learner-password-1');
		const db = openDatabase(`kill-device-${Math.random()}`);
		await saveSession(db, session);
		// The real engine retries from the outbox, as the phone would; the test says when.
		const engine = () =>
			new SyncEngine(db, api(), {
				now: () => new Date(),
				random: () => 0.5,
				setTimeout: () => undefined,
				clearTimeout: () => {}
			});

		// How long a whole push takes on a just-restarted server here, so the kills land inside it.
		const warmUp = await recordBatch(db);
		await restart(session);
		const started = performance.now();
		await api().push(session, warmUp);
		const pushMs = performance.now() - started;
		await engine().syncNow();

		const outcomes: string[] = [];
		for (const moment of MOMENTS) {
			const before = await storedCount(session.userId);
			const batch = await recordBatch(db);
			const push = api()
				.push(session, batch)
				.then(
					() => 'answered',
					(error: Error) => error.name
				);
			await sleep(moment * pushMs);
			process.kill(server.pid, 'SIGKILL');
			const answer = await push;
			await restart(session);

			const added = (await storedCount(session.userId)) - before;
			outcomes.push(`${Math.round(moment * pushMs)} ms: ${added} stored, ${answer}`);
			expect([0, BATCH]).toContain(added);

			const sync = engine();
			await sync.syncNow();
			expect(sync.status.state).toBe('idle');
			expect(await db.outbox.count()).toBe(0);
			expect(await storedCount(session.userId)).toBe(before + BATCH);
		}
		// Every event the phone made is on the server exactly once.
		const stored = await storedOpIds(session.userId);
		expect(new Set(stored).size).toBe(stored.length);
		expect(stored.sort()).toEqual((await db.events.toCollection().primaryKeys()).sort());
		console.info(`push of ${BATCH}: ${Math.round(pushMs)} ms; kills at ${outcomes.join('; ')}`);
		// At least one kill landed before the commit: the test saw the "not at all" side.
		expect(outcomes.some((o) => o.includes(': 0 stored'))).toBe(true);
		expect(await integrityCheck(server.url, admin.authStore.token)).toEqual(['ok']);
	});
});
