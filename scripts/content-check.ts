import { resolve } from 'node:path';
import { contentReport } from './content-report';
import { ROOT } from './config';
import { runMain } from './user-error';

/**
 * `npm run content:check [folder]`: every problem in the content at once, then each pathway's
 * pictures and translations (scripts/content-report.ts). Exits 1 on any error; warnings
 * alone exit 0. Whatever the files hold, it prints messages, never a stack trace.
 */
async function main(): Promise<void> {
	const { lines, errors } = await contentReport(
		resolve(process.argv[2] ?? resolve(ROOT, 'content'))
	);
	for (const line of lines) console.log(line);
	if (errors > 0) process.exitCode = 1;
}

runMain(main);
