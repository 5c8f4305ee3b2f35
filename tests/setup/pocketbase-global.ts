import type { TestProject } from 'vitest/node';
import { startTestServer, TEST_ADMIN } from '../support/pocketbase';

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
	project.provide('pbUrl', server.url);
	project.provide('adminEmail', TEST_ADMIN.email);
	project.provide('adminPassword', TEST_ADMIN.password);
	return () => server.destroy();
}
