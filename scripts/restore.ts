import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localUrl } from './backups/admin-session';
import { restoreBackup } from './backups/restore-backup';
import { readStartConfig } from './config';
import { findPocketBaseBinary } from './pocketbase/binary';
import { runMain, UserError } from './user-error';

const HELP = `npm run restore -- FILE [--force]

Restores a backup made by "npm run backup" (or PocketBase's admin UI) into CLYDE_DATA_DIR,
with the server stopped. Refuses a data dir that already holds data unless --force, which
first moves its contents to <data dir>.before-restore-<time> (nothing is deleted).
Then start the server again with npm start.`;

async function main(): Promise<void> {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			force: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const [file, ...extra] = positionals;
	if (!file || extra.length > 0) {
		throw new UserError('name one backup file: npm run restore -- FILE [--force]');
	}
	const config = readStartConfig(process.env);
	const result = await restoreBackup({
		file: fromCaller(file),
		dataDir: config.dataDir,
		url: localUrl(config.host, config.port),
		binary: await findPocketBaseBinary(),
		force: values.force
	});
	const size = `${(result.bytes / 2 ** 20).toFixed(1)} MB`;
	console.log(
		`Restored ${fromCaller(file)} into ${config.dataDir} (${result.files} files, ${size}).`
	);
	if (result.movedAside) {
		console.log(
			`Its earlier contents are in ${result.movedAside}: delete them once the restore is checked.`
		);
	}
	console.log('Start the server with npm start. Sign-ins are those of the backup.');
}

/** npm runs scripts in the project root: a relative path means the caller's directory. */
function fromCaller(path: string): string {
	return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

runMain(main);
