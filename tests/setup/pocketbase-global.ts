import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hooksWith } from '../support/extra-hooks';
import { publishBundledContent, startTestServer, TEST_ADMIN } from '../support/pocketbase';

declare module 'vitest' {
	export interface ProvidedContext {
		pbUrl: string;
		adminEmail: string;
		adminPassword: string;
	}
}

/** One real PocketBase per test project and run; its data dir is deleted afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// The browser tests' server also has the benchmarks' accounts route (admin only), so that a
	// test needing a big cohort makes its learners in one request (tests/support/big-cohort.ts).
	const hooks =
		project.name === 'browser'
			? await hooksWith([resolve(import.meta.dirname, '../../bench/hooks/bench-accounts.pb.js')])
			: undefined;
	const server = await startTestServer(undefined, { hooksDir: hooks?.dir });
	// Browser tests study the real curriculum; integration tests publish their own content.
	if (project.name === 'browser') await publishBundledContent(server.url);
	project.provide('pbUrl', server.url);
	project.provide('adminEmail', TEST_ADMIN.email);
	project.provide('adminPassword', TEST_ADMIN.password);
	return async () => {
		await server.destroy();
		await hooks?.remove();
	};
}
