import 'fake-indexeddb/auto';
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPocketBase } from '../../scripts/pocketbase/server';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import { openDatabase } from '../../src/lib/db/database';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { createLessons } from '../support/content-records';
import { prepareDataDir, serveDataDir } from '../support/data-dir-server';
import { hooksWithIntegrityCheck, integrityCheck } from '../support/integrity-hook';
import { queueEvents, type Place } from '../support/outbox-batch';
import { TEST_ADMIN } from '../support/pocketbase';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs';

// The data dir lives on a 16 MB tmpfs: filling it is a real ENOSPC under PocketBase's SQLite.
const unavailable = await tmpfsUnavailable();
if (unavailable) console.warn(`fault-disk-full is skipped: ${unavailable}`);

describe.skipIf(unavailable)('the server runs out of disk space', () => {
	let disk: Tmpfs;
	let hooks: Awaited<ReturnType<typeof hooksWithIntegrityCheck>>;
	let server: RunningPocketBase;
	let admin: PocketBase;
	let place: Place;
	let session: Session;
	const filler = () => join(disk.dir, 'filler');
	const api = () => learnerApi(server.url);

	/** Takes every free byte, then checks that the next write really fails. */
	async function fillDisk(): Promise<void> {
		await writeFile(filler(), Buffer.alloc(await disk.free()));
		await expect(appendFile(filler(), Buffer.alloc(64 * 1024))).rejects.toThrow(/ENOSPC/);
	}

	beforeAll(async () => {
		disk = await mountTmpfs('16m');
		hooks = await hooksWithIntegrityCheck();
		await prepareDataDir(disk.dir);
		server = await serveDataDir(disk.dir, { hooksDir: hooks.dir });
		admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		place = { lessons: await createLessons(admin, 'full', 3), module: 'full-m', pathway: 'full-p' };
		await api().auth.signUp('full@example.org', 'learner-password-1', 'Full Disk');
		session = await api().auth.signIn('full@example.org', 'learner-password-1');
	});

	afterAll(async () => {
		await server?.stop();
		await hooks?.remove();
		await disk?.remove();
	});

	it('answers 507 with a clear message at once, stays up, loses and corrupts nothing, and recovers when space is freed', async () => {
		const db = openDatabase(`full-device-${Math.random()}`);
		await saveSession(db, session);
		const engine = new SyncEngine(db, api(), {
			now: () => new Date(),
			random: () => 0.5,
			setTimeout: () => undefined,
			clearTimeout: () => {}
		});
		const earlier = await queueEvents(db, 50, place);
		await engine.syncNow();
		expect(engine.status.state).toBe('idle');

		await fillDisk();
		const batch = await queueEvents(db, 500, place);
		const started = performance.now();
		const push = await fetch(`${server.url}/api/clyde/sync/push`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: session.token },
			body: JSON.stringify({ events: batch })
		});
		const answeredMs = performance.now() - started;
		expect(push.status).toBe(507);
		expect(push.headers.get('retry-after')).toBe('60');
		expect(await push.json()).toEqual({
			code: 507,
			message:
				'The server is out of disk space, so nothing from this request was stored. Try again later.',
			data: {}
		});
		expect(answeredMs).toBeLessThan(5_000);
		console.info(`disk full: a 500-event push answered 507 in ${Math.round(answeredMs)} ms`);
		// PocketBase's own routes say the same: a sign-up cannot be stored either.
		const signUp = await api()
			.auth.signUp('late@example.org', 'learner-password-1', 'Late')
			.catch((e: Error) => e);
		expect(signUp).toMatchObject({
			name: 'ServerFull',
			message: expect.stringMatching(/^The server is out of disk space/)
		});

		// The phone keeps its outbox and waits to retry; the server stays up and reads work.
		await engine.syncNow();
		expect(engine.status).toMatchObject({
			state: 'waiting',
			message: expect.stringMatching(/^The server is out of disk space/)
		});
		expect(await db.outbox.count()).toBe(500);
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		const pulled = await api().sync.pull(session, 0, 500);
		expect(pulled.events.map((e) => e.id)).toEqual(earlier.map((e) => e.id));
		expect(await integrityCheck(server.url, admin.authStore.token)).toEqual(['ok']);

		await rm(filler());
		await engine.syncNow();
		expect(engine.status.state).toBe('idle');
		expect(await db.outbox.count()).toBe(0);
		const all = await admin.collection('progress_events').getFullList({
			filter: admin.filter('user = {:u}', { u: session.userId }),
			fields: 'op_id'
		});
		expect(all.map((r) => r.op_id).sort()).toEqual([...earlier, ...batch].map((e) => e.id).sort());
		expect(await integrityCheck(server.url, admin.authStore.token)).toEqual(['ok']);
	});

	it('a server started on a full disk exits at once with the reason, and starts once space is freed', async () => {
		await server.stop();
		await fillDisk();
		await expect(serveDataDir(disk.dir, { hooksDir: hooks.dir })).rejects.toThrow(
			/PocketBase exited before serving .*disk I\/O error/
		);
		await rm(filler());
		server = await serveDataDir(disk.dir, { hooksDir: hooks.dir });
		expect(await integrityCheck(server.url, admin.authStore.token)).toEqual(['ok']);
	});
});
