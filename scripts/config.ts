import { resolve } from 'node:path';
import { UserError } from './user-error';

export const ROOT = resolve(import.meta.dirname, '..');

export interface StartConfig {
	host: string;
	port: number;
	dataDir: string;
	/** Create the demo learner, tutor and editor accounts. */
	demo: boolean;
	/** Skip `vite build` (the build/ folder is already there). */
	skipBuild: boolean;
	adminEmail?: string;
	adminPassword?: string;
}

/** Reads the start-up configuration from the environment; every setting has a safe default. */
export function readStartConfig(env: NodeJS.ProcessEnv): StartConfig {
	const port = Number(env.PORT ?? 8090);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new UserError(`PORT must be a whole number from 1 to 65535, not "${env.PORT}"`);
	}
	const adminEmail = env.ADMIN_EMAIL || undefined;
	const adminPassword = env.ADMIN_PASSWORD || undefined;
	if (Boolean(adminEmail) !== Boolean(adminPassword)) {
		throw new UserError('set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither');
	}
	if (adminPassword && adminPassword.length < 10) {
		throw new UserError('ADMIN_PASSWORD must be at least 10 characters');
	}
	return {
		host: env.HOST || '127.0.0.1',
		port,
		dataDir: resolve(env.CLYDE_DATA_DIR || resolve(ROOT, 'pb_data')),
		demo: env.CLYDE_DEMO !== '0',
		skipBuild: env.CLYDE_SKIP_BUILD === '1',
		adminEmail,
		adminPassword
	};
}
