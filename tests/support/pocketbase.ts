import type PocketBase from 'pocketbase';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findPocketBaseBinary } from '../../scripts/pocketbase/binary';
import { freePort } from '../../scripts/pocketbase/ports';
import {
	runPocketBaseCli,
	startPocketBase,
	type RunningPocketBase
} from '../../scripts/pocketbase/server';

export const TEST_ADMIN = { email: 'admin@test.local', password: 'test-admin-password' };

export interface TestServer extends RunningPocketBase {
	dataDir: string;
	/** Stops the server and deletes its data dir. */
	destroy(): Promise<void>;
}

/** The settings of pb_hooks/lib/rate-limits.js. */
const RATE_LIMIT_VARS = [
	'CLYDE_RATE_SIGN_IN',
	'CLYDE_RATE_SIGN_IN_IP',
	'CLYDE_RATE_SIGN_UP',
	'CLYDE_RATE_ACCOUNT_EMAIL',
	'CLYDE_RATE_JOIN',
	'CLYDE_RATE_JOIN_IP',
	'CLYDE_RATE_PUSH',
	'CLYDE_RATE_BADGE'
];

/**
 * Rate limits so high that no test meets them: the suites sign many learners up and in from
 * 127.0.0.1. The limiter still counts every request, so its code path runs in every test;
 * tests/integration/rate-limits.test.ts checks the real limits on a server of its own.
 */
export const RELAXED_RATE_LIMITS = Object.fromEntries(
	RATE_LIMIT_VARS.map((name) => [name, '1000000/1m'])
);
/** Empty values: the hook's own defaults, whatever the shell running the tests has set. */
const PRODUCTION = Object.fromEntries(RATE_LIMIT_VARS.map((name) => [name, '']));

/**
 * A test opens a few streams and requests at a time: a smaller pool than a real server's
 * (scripts/pocketbase/server.ts) starts in less CPU, and the suite starts many servers.
 */
export const TEST_HOOKS_POOL = 64;

export interface TestServerOptions {
	/** `real` keeps the production rate limits (or those given in `env`); default `relaxed`. */
	rateLimits?: 'relaxed' | 'real';
	/** Extra environment for the server, e.g. one rate limit set low for a test. */
	env?: Record<string, string>;
	/** Hooks other than the project's (see extra-hooks.ts). */
	hooksDir?: string;
	/** PocketBase's `--hooksPool` (scripts/pocketbase/server.ts). */
	hooksPool?: number;
}

/**
 * A real PocketBase 0.22 on a free loopback port with a throwaway data dir, the project's
 * migrations and hooks, and the built PWA as its public dir.
 */
export async function startTestServer(
	publicDir = resolve(import.meta.dirname, '../../build'),
	options: TestServerOptions = {}
): Promise<TestServer> {
	const binary = await findPocketBaseBinary();
	const dataDir = await mkdtemp(join(tmpdir(), 'clyde-pb-'));
	const dirs = { dataDir, publicDir, hooksDir: options.hooksDir };
	// A fresh data dir needs its migrations before an admin can be created.
	await runPocketBaseCli(binary, ['migrate', 'up'], dirs);
	await runPocketBaseCli(binary, ['admin', 'create'], dirs, [
		TEST_ADMIN.email,
		TEST_ADMIN.password
	]);
	const server = await startPocketBase({
		...dirs,
		binary,
		host: '127.0.0.1',
		port: await freePort(),
		hooksPool: options.hooksPool ?? TEST_HOOKS_POOL,
		env: { ...(options.rateLimits === 'real' ? PRODUCTION : RELAXED_RATE_LIMITS), ...options.env }
	});
	return {
		...server,
		dataDir,
		async destroy() {
			await server.stop();
			await rm(dataDir, { recursive: true, force: true });
		}
	};
}

/**
 * Publishes the bundled content/ (or another content folder) into a test server, as an admin,
 * and returns what it did.
 */
export async function publishBundledContent(
	url: string,
	dir = resolve(import.meta.dirname, '../../content')
) {
	const { default: PocketBase } = await import('pocketbase');
	const { compileContent } = await import('../../scripts/content/compile');
	const { loadContent } = await import('../../scripts/content/load');
	const { nodeSanitiser } = await import('../../scripts/content/node-sanitiser');
	const { publishContent } = await import('../../scripts/content/publish-client');
	const pb = new PocketBase(url);
	await pb.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
	const { pathways } = compileContent(await loadContent(dir), nodeSanitiser());
	return publishContent({ url, token: pb.authStore.token, pathways, dryRun: false });
}

/**
 * Deletes every draft on a test server (as an admin): a browser test that publishes starts
 * from what learners have, whatever drafts the test files before it left behind.
 */
export async function deleteAllDrafts(admin: PocketBase) {
	for (const draft of await admin.collection('drafts').getFullList({ fields: 'id' })) {
		await admin.collection('drafts').delete(draft.id);
	}
}
