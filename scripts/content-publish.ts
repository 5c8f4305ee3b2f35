import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import PocketBase from 'pocketbase';
import { compileContent } from './content/compile';
import { formatDiagnostic } from './content/diagnostics';
import { loadContent } from './content/load';
import { nodeSanitiser } from './content/node-sanitiser';
import { describeResult, publishContent } from './content/publish-client';
import { ROOT } from './config';
import { progressBar } from './progress';
import { runMain, UserError } from './user-error';

const HELP = `npm run content:publish -- [--dry-run] [--url URL] [--content DIR]

Checks content/ and publishes it to a running Clyde server in one transaction.
Sign in with CLYDE_EDITOR_EMAIL and CLYDE_EDITOR_PASSWORD (an editor account), or
CLYDE_ADMIN_EMAIL and CLYDE_ADMIN_PASSWORD. URL defaults to CLYDE_URL, then
http://127.0.0.1:8090.`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			'dry-run': { type: 'boolean', default: false },
			url: { type: 'string' },
			content: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const url = (values.url ?? process.env.CLYDE_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
	const root = resolve(values.content ?? resolve(ROOT, 'content'));

	const compiled = compileContent(await loadContent(root), nodeSanitiser());
	const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length > 0) {
		for (const d of errors) console.error(formatDiagnostic(d));
		throw new UserError(
			`${errors.length} content error(s): nothing was published (run npm run content:check)`
		);
	}

	const token = await signIn(url);
	const bar = progressBar(values['dry-run'] ? 'checking' : 'publishing');
	const result = await publishContent({
		url,
		token,
		pathways: compiled.pathways,
		dryRun: values['dry-run'],
		onUpload: (sent, total) =>
			bar.update(sent, total, `${Math.round(sent / 1024)} of ${Math.round(total / 1024)} KB`)
	});
	bar.done();
	for (const line of describeResult(result)) console.log(line);
}

async function signIn(url: string): Promise<string> {
	const env = process.env;
	const pb = new PocketBase(url);
	try {
		if (env.CLYDE_EDITOR_EMAIL && env.CLYDE_EDITOR_PASSWORD) {
			return (
				await pb
					.collection('users')
					.authWithPassword(env.CLYDE_EDITOR_EMAIL, env.CLYDE_EDITOR_PASSWORD)
			).token;
		}
		if (env.CLYDE_ADMIN_EMAIL && env.CLYDE_ADMIN_PASSWORD) {
			return (await pb.admins.authWithPassword(env.CLYDE_ADMIN_EMAIL, env.CLYDE_ADMIN_PASSWORD))
				.token;
		}
	} catch (error) {
		const status = (error as { status?: number }).status;
		throw new UserError(
			status === 0
				? `cannot reach ${url}: is the server running?`
				: `sign-in to ${url} failed: check the email and password`
		);
	}
	throw new UserError(
		'set CLYDE_EDITOR_EMAIL and CLYDE_EDITOR_PASSWORD (or CLYDE_ADMIN_EMAIL and CLYDE_ADMIN_PASSWORD)'
	);
}

runMain(main);
