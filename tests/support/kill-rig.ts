import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { freePort } from '../../scripts/pocketbase/ports';
import type { RunningPocketBase } from '../../scripts/pocketbase/server';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import { openDatabase, type ClydeDatabase } from '../../src/lib/db/database';
import { saveSession } from '../../src/lib/sync/session-store';
import { SyncEngine } from '../../src/lib/sync/sync-engine';
import { createLessons } from './content-records';
import { prepareDataDir, serveDataDir } from './data-dir-server';
import { hooksWithIntegrityCheck, integrityCheck } from './integrity-hook';
import { queueEvents } from './outbox-batch';
import { TEST_ADMIN } from './pocketbase';

/** The largest batch the push route takes. */
export const BATCH = 500;

export interface KillOutcome {
	/** After how long the server was killed, ms after the push was sent. */
	afterMs: number;
	/** Events of the batch found after the restart: 0 or BATCH, or the batch was torn. */
	stored: number;
	/** Whether the phone got the server's answer before the kill. */
	answered: boolean;
	/** What went wrong in this round (empty when the batch survived whole and synced once). */
	problems: string[];
}

/**
 * One learner's phone (fake-indexeddb, the real sync engine) and a real PocketBase on a data
 * dir of its own, which `killDuring` SIGKILLs while a batch is in flight and restarts on the
 * same data and port. Used by tests/integration/fault-kill-mid-push.test.ts and, for many
 * more kills, by `npm run bench fault-kill`.
 */
export class KillRig {
	#server!: RunningPocketBase;
	#session!: Session;
	#db!: ClydeDatabase;
	#admin!: PocketBase;
	#lessons: string[] = [];

	private constructor(
		private readonly work: string,
		private readonly hooks: { dir: string; remove(): Promise<void> },
		private readonly port: number
	) {}

	static async start(): Promise<KillRig> {
		const work = await mkdtemp(join(tmpdir(), 'clyde-kill-'));
		const rig = new KillRig(work, await hooksWithIntegrityCheck(), await freePort());
		try {
			await prepareDataDir(work);
			rig.#server = await serveDataDir(work, { port: rig.port, hooksDir: rig.hooks.dir });
			rig.#admin = new PocketBase(rig.#server.url);
			await rig.#admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
			rig.#lessons = await createLessons(rig.#admin, 'kill', 3);
			const email = `kill-${Date.now()}@example.org`;
			await rig.#api().auth.signUp(email, 'learner-password-1', 'Kill Learner');
			rig.#session = await rig.#api().auth.signIn(email, 'learner-password-1');
			rig.#db = openDatabase(`kill-device-${Math.random()}`);
			await saveSession(rig.#db, rig.#session);
			return rig;
		} catch (error) {
			await rig.stop();
			throw error;
		}
	}

	/** How long a whole push takes on a just-restarted server, so kills can land inside one. */
	async measurePush(): Promise<number> {
		const batch = await this.#queue();
		await this.#restart();
		const started = performance.now();
		await this.#api().sync.push(this.#session, batch);
		const ms = performance.now() - started;
		await this.#engine().syncNow();
		return ms;
	}

	/** Pushes a new batch, kills PocketBase after `afterMs`, restarts it, and lets the phone retry. */
	async killDuring(afterMs: number): Promise<KillOutcome> {
		const problems: string[] = [];
		const before = await this.#storedCount();
		const batch = await this.#queue();
		const push = this.#api()
			.sync.push(this.#session, batch)
			.then(
				() => '',
				(error: Error) => error.message
			);
		await new Promise((done) => setTimeout(done, afterMs));
		process.kill(this.#server.pid, 'SIGKILL');
		const failure = await push;
		const answered = failure === '';
		// The kill may cut the connection or the answer; any other failure is not this fault's.
		if (failure && !/no connection|cut off/.test(failure)) problems.push(`push failed: ${failure}`);
		await this.#restart();

		const stored = (await this.#storedCount()) - before;
		if (stored !== 0 && stored !== BATCH) problems.push(`torn batch: ${stored} of ${BATCH} stored`);
		const engine = this.#engine();
		await engine.syncNow();
		if (engine.status.state !== 'idle') problems.push(`sync ended ${engine.status.state}`);
		const left = await this.#db.outbox.count();
		if (left) problems.push(`${left} events still in the outbox`);
		const after = (await this.#storedCount()) - before;
		if (after !== BATCH) problems.push(`${after} of ${BATCH} stored after the retry`);
		return { afterMs, stored, answered, problems };
	}

	/** Every event the phone made is on the server exactly once, and SQLite says the file is whole. */
	async finalProblems(): Promise<string[]> {
		const records = await this.#admin.collection('progress_events').getFullList({
			filter: this.#admin.filter('user = {:u}', { u: this.#session.userId }),
			fields: 'op_id',
			requestKey: null
		});
		const onServer = records.map((r) => r.op_id as string).sort();
		const onPhone = ((await this.#db.events.toCollection().primaryKeys()) as string[]).sort();
		const problems: string[] = [];
		if (new Set(onServer).size !== onServer.length) problems.push('an op id is stored twice');
		if (onServer.join() !== onPhone.join()) {
			problems.push(`server holds ${onServer.length} events, the phone ${onPhone.length}`);
		}
		const integrity = await integrityCheck(this.#server.url, this.#admin.authStore.token);
		if (integrity.join() !== 'ok') problems.push(`integrity_check: ${integrity.join('; ')}`);
		return problems;
	}

	async stop(): Promise<void> {
		await this.#server?.stop();
		await this.hooks.remove();
		await rm(this.work, { recursive: true, force: true });
	}

	#api() {
		return learnerApi(this.#server.url);
	}

	/** The real engine, retrying from the outbox as the phone would; the caller says when. */
	#engine(): SyncEngine {
		return new SyncEngine(this.#db, this.#api(), {
			now: () => new Date(),
			random: () => 0.5,
			setTimeout: () => undefined,
			clearTimeout: () => {}
		});
	}

	#queue() {
		return queueEvents(this.#db, BATCH, {
			lessons: this.#lessons,
			module: 'kill-m',
			pathway: 'kill-p'
		});
	}

	/** Restarts PocketBase on the same data dir and port, and warms it as a phone's pull would. */
	async #restart(): Promise<void> {
		await this.#server.stop();
		this.#server = await serveDataDir(this.work, { port: this.port, hooksDir: this.hooks.dir });
		await this.#api().sync.pull(this.#session, 0, 1);
	}

	async #storedCount(): Promise<number> {
		const page = await this.#admin.collection('progress_events').getList(1, 1, {
			filter: this.#admin.filter('user = {:u}', { u: this.#session.userId }),
			requestKey: null
		});
		return page.totalItems;
	}
}
