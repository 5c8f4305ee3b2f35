import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ScriptRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs `scripts/<name>.ts` as `npm run <name>` does (through tsx), with extra environment,
 * and resolves with its exit code and output, whatever the code.
 */
export function runScript(
	name: string,
	args: string[],
	env: Record<string, string>
): Promise<ScriptRun> {
	return new Promise((done) => {
		execFile(
			resolve(ROOT, 'node_modules/.bin/tsx'),
			[resolve(ROOT, `scripts/${name}.ts`), ...args],
			{ cwd: ROOT, env: { ...process.env, ...env } },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				done({ code, stdout, stderr });
			}
		);
	});
}
