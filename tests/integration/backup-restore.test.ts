import 'fake-indexeddb/auto';
import { access, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpRunningServer } from '../../scripts/backups/create-backup';
import { restoreBackup } from '../../scripts/backups/restore-backup';
import { findPocketBaseBinary } from '../../scripts/pocketbase/binary';
import type { RunningPocketBase } from '../../scripts/pocketbase/server';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import type { SyncApi } from '../../src/lib/api/sync';
import { openDatabase } from '../../src/lib/db/database';
import { pushOutbox } from '../../src/lib/sync/push-outbox';
import { createLessons } from '../support/content-records';
import { prepareDataDir, serveDataDir } from '../support/data-dir-server';
import { queueEvents } from '../support/outbox-batch';
import { TEST_ADMIN } from '../support/pocketbase';
import { runScript } from '../support/run-script';

const PASSWORD = 'learner-password-1';
const LEARNERS = 3;
const EVENTS_EACH = 40;

/** Every op id the server holds for a learner, read as that learner (pull, page by page). */
async function pulledIds(api: SyncApi, session: Session): Promise<string[]> {
	const ids: string[] = [];
	for (let after = 0, more = true; more;) {
		const page = await api.pull(session, after, 500);
		ids.push(...page.events.map((e) => e.id));
		({ cursor: after, more } = page);
	}
	return ids.sort();
}

describe('npm run backup and npm run restore: the data dir is lost and nothing else is', () => {
	let work: string;
	let dataDir: string;
	let outDir: string;
	let server: RunningPocketBase;
	let env: Record<string, string>;

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'clyde-backup-'));
		dataDir = join(work, 'pb_data');
		outDir = join(work, 'offsite');
		await prepareDataDir(dataDir);
		server = await serveDataDir(dataDir);
		env = {
			HOST: '127.0.0.1',
			PORT: new URL(server.url).port,
			CLYDE_DATA_DIR: dataDir,
			ADMIN_EMAIL: TEST_ADMIN.email,
			ADMIN_PASSWORD: TEST_ADMIN.password
		};
	});

	afterAll(async () => {
		await server?.stop();
		await rm(work, { recursive: true, force: true });
	});

	it('backs up the running server, restores into an empty data dir, and every learner event and sign-in is back', async () => {
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const lessons = await createLessons(admin, 'backup', 3);
		const api = learnerApi(server.url);
		const place = { lessons, module: 'backup-m', pathway: 'backup-p' };
		// Learners in parallel: each sign-up and sign-in is a deliberately slow password hash.
		const learners = await Promise.all(
			Array.from({ length: LEARNERS }, async (_, n) => {
				const email = `backup-${n}-${Date.now()}@example.org`;
				await api.auth.signUp(email, PASSWORD, `Learner ${n}`);
				const session = await api.auth.signIn(email, PASSWORD);
				const db = openDatabase(`backup-device-${n}-${Math.random()}`);
				await queueEvents(db, EVENTS_EACH, place);
				expect(await pushOutbox(db, api.sync, session)).toBe(EVENTS_EACH);
				return { email, ids: await pulledIds(api.sync, session) };
			})
		);
		expect(learners.flatMap((l) => l.ids)).toHaveLength(LEARNERS * EVENTS_EACH);

		const backup = await runScript('backup', ['--out', outDir], env);
		expect(backup.stderr).toBe('');
		expect(backup.code).toBe(0);
		const file = /Backed up to (\S+\.zip)/.exec(backup.stdout)?.[1] as string;
		expect(file.startsWith(outDir)).toBe(true);
		// PocketBase's own copy is gone from the data dir once ours is checked.
		expect(await readdir(join(dataDir, 'backups'))).toEqual([]);
		console.info(`backup: ${(await stat(file)).size} bytes; ${backup.stdout.trim()}`);

		await server.stop();
		await rm(dataDir, { recursive: true, force: true });

		const restore = await runScript('restore', [file], env);
		expect(restore.stderr).toBe('');
		expect(restore.code).toBe(0);
		expect(restore.stdout).toContain(`Restored ${file} into ${dataDir}`);

		server = await serveDataDir(dataDir, { port: Number(env.PORT) });
		await Promise.all(
			learners.map(async (learner) => {
				const session = await api.auth.signIn(learner.email, PASSWORD);
				expect(await pulledIds(api.sync, session)).toEqual(learner.ids);
			})
		);
	});

	it('says why it cannot, in one line: no server, a wrong password, a file that is not a backup or is damaged, a data dir that holds data', async () => {
		const zip = join(outDir, (await readdir(outDir)).find((n) => n.endsWith('.zip')) as string);
		const login = { email: TEST_ADMIN.email, password: TEST_ADMIN.password, source: 'env' };
		const backup = { url: server.url, login, outDir, dataDir };
		const restore = {
			file: zip,
			dataDir,
			url: server.url,
			binary: await findPocketBaseBinary(),
			force: false
		};
		await expect(backUpRunningServer({ ...backup, url: 'http://127.0.0.1:9' })).rejects.toThrow(
			/^no Clyde server answers at http:\/\/127\.0\.0\.1:9: start it/
		);
		await expect(
			backUpRunningServer({ ...backup, login: { ...login, password: 'not-the-password' } })
		).rejects.toThrow(/^cannot sign in as admin admin@test\.local at .*: wrong email or password/);
		await expect(
			backUpRunningServer({ ...backup, outDir: join(dataDir, 'backups') })
		).rejects.toThrow(/is inside the data dir/);
		await expect(restoreBackup({ ...restore, file: join(dataDir, 'types.d.ts') })).rejects.toThrow(
			/types\.d\.ts is not a readable zip file/
		);
		const damaged = join(work, 'damaged.zip');
		const bytes = await readFile(zip);
		bytes[2_000] = (bytes[2_000] as number) ^ 0xff; // inside data.db's compressed bytes
		await writeFile(damaged, bytes);
		await expect(restoreBackup({ ...restore, file: damaged })).rejects.toThrow(
			/damaged\.zip is damaged/
		);
		await expect(restoreBackup(restore)).rejects.toThrow(
			/^a server is running at .*: stop it first/
		);
		await server.stop();
		await expect(restoreBackup({ ...restore, url: 'http://127.0.0.1:9' })).rejects.toThrow(
			/already holds data .*add --force/
		);

		// The command line prints the reason on one line and exits 1; --force moves the data
		// dir's contents aside rather than deleting them.
		const refused = await runScript('restore', [zip], env);
		expect([refused.code, refused.stderr]).toEqual([1, expect.stringMatching(/^clyde: .*\n$/)]);
		const forced = await runScript('restore', [zip, '--force'], env);
		expect(forced.code).toBe(0);
		const aside = /earlier contents are in (\S+):/.exec(forced.stdout)?.[1] as string;
		await access(join(aside, 'data.db'));
		server = await serveDataDir(dataDir, { port: Number(env.PORT) });
	});
});
