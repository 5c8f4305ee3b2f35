import { findPocketBaseBinary } from '../../scripts/pocketbase/binary';
import { freePort } from '../../scripts/pocketbase/ports';
import {
	runPocketBaseCli,
	startPocketBase,
	type RunningPocketBase
} from '../../scripts/pocketbase/server';
import { RELAXED_RATE_LIMITS, TEST_ADMIN, TEST_HOOKS_POOL } from './pocketbase';

/**
 * A real PocketBase on a data dir that the test owns, for fault tests that kill it, restart it
 * on the same data, fill its disk or restore into it. (startTestServer makes and deletes its
 * own data dir.)
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
	const binary = await findPocketBaseBinary();
	await runPocketBaseCli(binary, ['migrate', 'up'], { dataDir });
	await runPocketBaseCli(binary, ['admin', 'create'], { dataDir }, [
		TEST_ADMIN.email,
		TEST_ADMIN.password
	]);
}

export interface ServeOptions {
	/** Reuse a port, so that a client keeps its URL across a restart. */
	port?: number;
	/** Hooks other than the project's (see integrity-hook.ts). */
	hooksDir?: string;
}

/** `pocketbase serve` on 127.0.0.1 for an already prepared data dir. */
export async function serveDataDir(
	dataDir: string,
	options: ServeOptions = {}
): Promise<RunningPocketBase> {
	return startPocketBase({
		binary: await findPocketBaseBinary(),
		dataDir,
		hooksDir: options.hooksDir,
		host: '127.0.0.1',
		port: options.port ?? (await freePort()),
		hooksPool: TEST_HOOKS_POOL,
		// Fault tests make hundreds of requests from one address; rate limits are not their subject.
		env: RELAXED_RATE_LIMITS
	});
}
