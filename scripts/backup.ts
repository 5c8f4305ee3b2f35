import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { adminLogin, localUrl } from './backups/admin-session';
import { backUpRunningServer } from './backups/create-backup';
import { readStartConfig, ROOT } from './config';
import { runMain } from './user-error';

const HELP = `npm run backup -- [--out DIR] [--url URL]

Makes a consistent backup of the running Clyde server (PocketBase's own backup: a zip of
its data dir, taken while writes wait) and copies it to DIR, outside the data dir.
DIR defaults to CLYDE_BACKUP_DIR, then ./backups. URL defaults to http://HOST:PORT.
Signs in with ADMIN_EMAIL/ADMIN_PASSWORD, else <CLYDE_DATA_DIR>/clyde-admin.json.
Restore with: npm run restore -- FILE`;

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			out: { type: 'string' },
			url: { type: 'string' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		console.log(HELP);
		return;
	}
	const config = readStartConfig(process.env);
	const result = await backUpRunningServer({
		url: (values.url ?? localUrl(config.host, config.port)).replace(/\/$/, ''),
		login: await adminLogin(config.dataDir, {
			email: config.adminEmail,
			password: config.adminPassword
		}),
		// npm runs scripts in the project root: a relative --out means the caller's directory.
		outDir: values.out
			? resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
			: resolve(ROOT, process.env.CLYDE_BACKUP_DIR ?? 'backups'),
		dataDir: config.dataDir
	});
	const size = `${(result.bytes / 2 ** 20).toFixed(1)} MB`;
	console.log(
		`Backed up to ${result.file} (${size}, ${result.files.length} files checked, ${result.ms} ms)`
	);
	if (result.sameDisk) {
		console.log(
			'Note: this copy is on the same disk as the data dir; copy it to another machine or storage.'
		);
	}
	if (result.leftOnServer) {
		console.log(`Note: delete ${result.leftOnServer} in the data dir; it could not be removed.`);
	}
}

runMain(main);
