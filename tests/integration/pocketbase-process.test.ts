import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPocketBaseBinary } from '../../scripts/pocketbase/binary';
import { freePort } from '../../scripts/pocketbase/ports';
import { runPocketBaseCli, startPocketBase } from '../../scripts/pocketbase/server';
import { adminCredentials, ensureAdmin } from '../../scripts/seed/admin';

/** More than V8's longest string (2^29 − 24 characters): what once crashed `npm start`. */
const FLOOD_BYTES = 600 * 2 ** 20;
const FLOOD_END = 'end of the flood';

describe('the PocketBase process, as npm start runs it', () => {
	let work: string;
	let binary: string;
	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'clyde-pb-process-'));
		binary = await findPocketBaseBinary();
	});
	afterAll(() => rm(work, { recursive: true, force: true }));

	async function serve(name: string, serverBinary = binary) {
		const dirs = { dataDir: join(work, name) };
		await runPocketBaseCli(binary, ['migrate', 'up'], dirs);
		return startPocketBase({
			...dirs,
			binary: serverBinary,
			host: '127.0.0.1',
			port: await freePort()
		});
	}

	it('creates an admin whose password begins with "-" or looks like a flag', async () => {
		const dirs = { dataDir: join(work, 'dash') };
		await runPocketBaseCli(binary, ['migrate', 'up'], dirs);
		for (const [email, password] of [
			['dash@clyde.test', '-starts-with-a-dash'],
			['flag@clyde.test', '--dir=/somewhere/else']
		] as const) {
			const admin = await adminCredentials(dirs.dataDir, { email, password });
			expect(await ensureAdmin(binary, dirs, admin)).toBe('created');
			expect(await ensureAdmin(binary, dirs, admin)).toBe('existing');
		}
		const server = await startPocketBase({
			...dirs,
			binary,
			host: '127.0.0.1',
			port: await freePort()
		});
		try {
			const pb = new PocketBase(server.url);
			await pb.admins.authWithPassword('dash@clyde.test', '-starts-with-a-dash');
			await pb.admins.authWithPassword('flag@clyde.test', '--dir=/somewhere/else');
			expect(pb.authStore.isAdmin).toBe(true);
		} finally {
			await server.stop();
		}
	});

	it('never runs in dev mode, even from a binary under the temp dir (which turns it on)', async () => {
		const underTmp = join(work, 'pocketbase');
		await symlink(binary, underTmp);
		const server = await serve('dev', underTmp);
		try {
			const pb = new PocketBase(server.url);
			await pb.collection('lessons').getList(1, 5);
			await pb
				.collection('users')
				.authWithPassword('nobody@clyde.test', 'wrong-password')
				.catch(() => {});
			expect(server.output()).toContain('Server started');
			// Dev mode prints every statement: "[0.52ms] SELECT …".
			expect(server.output()).not.toMatch(/\] (SELECT|INSERT|CREATE)/);
		} finally {
			await server.stop();
		}
	});

	it('outlives hours of output: keeps only a tail, and the server keeps answering', async () => {
		// The real server, with an extra process on the same stdout printing more than Node can
		// hold in one string, as fast as the pipe takes it.
		const flooding = join(work, 'flooding-pocketbase');
		await writeFile(
			flooding,
			`#!/bin/sh\n(yes '[0.01ms] SELECT * FROM events WHERE user = {:user}' | head -c ${FLOOD_BYTES}; echo '${FLOOD_END}') &\nexec '${binary}' "$@"\n`
		);
		await chmod(flooding, 0o755);
		const server = await serve('flood', flooding);
		try {
			const deadline = Date.now() + 60_000;
			while (!server.output().includes(FLOOD_END) && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			expect(server.output()).toContain(FLOOD_END);
			expect(server.output().length).toBeLessThanOrEqual(64 * 1024);
			expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	}, 90_000);
});
