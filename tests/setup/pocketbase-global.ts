import type { TestProject } from 'vitest/node';
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
	const server = await startTestServer();
	// Browser tests study the real curriculum; integration tests publish their own content.
	if (project.name === 'browser') await publishBundledContent(server.url);
	project.provide('pbUrl', server.url);
	project.provide('adminEmail', TEST_ADMIN.email);
	project.provide('adminPassword', TEST_ADMIN.password);
	return () => server.destroy();
}
