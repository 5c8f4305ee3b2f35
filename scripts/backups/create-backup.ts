import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import type PocketBase from 'pocketbase';
import { UserError } from '../user-error';
import { signInAsAdmin, type AdminLogin } from './admin-session';
import { readBackup } from './backup-zip';

export interface BackupOptions {
	url: string;
	login: AdminLogin;
	/** Where the copy goes: never inside the data dir. */
	outDir: string;
	/** The server's data dir, when it is on this machine (to refuse an outDir inside it). */
	dataDir: string;
	now?: Date;
}

export interface BackupResult {
	file: string;
	bytes: number;
	files: string[];
	ms: number;
	/** The copy lies on the same filesystem as the data dir: it will not survive losing that disk. */
	sameDisk: boolean;
	/** PocketBase's own copy, when it could not be removed (it takes space on the data disk). */
	leftOnServer?: string;
}

/**
 * Asks the running PocketBase for a backup (it zips pb_data inside a transaction, so writes
 * wait and the copy is consistent), downloads it, checks every file in it, and only then
 * removes PocketBase's own copy from the data dir, so backups never fill the server's disk.
 */
export async function backUpRunningServer(options: BackupOptions): Promise<BackupResult> {
	const started = Date.now();
	const outDir = resolve(options.outDir);
	const dataDir = resolve(options.dataDir);
	if (isInside(outDir, dataDir)) {
		throw new UserError(
			`--out ${outDir} is inside the data dir ${dataDir}: a backup must live outside it (another disk or machine)`
		);
	}
	const pb = await signInAsAdmin(options.url, options.login);
	await mkdir(outDir, { recursive: true });

	const name = backupName(options.now ?? new Date());
	try {
		await pb.backups.create(name, { requestKey: null });
	} catch (error) {
		throw new UserError(`PocketBase could not make the backup: ${(error as Error).message}`);
	}
	const file = join(outDir, name);
	const partial = join(outDir, `.${name}.partial`);
	let files: string[];
	try {
		await download(pb, name, partial);
		files = (await readBackup(partial)).files;
		await rename(partial, file);
	} catch (error) {
		await rm(partial, { force: true });
		const kept = `PocketBase's copy stays on the server as backups/${name} in its data dir`;
		throw new UserError(`the backup could not be copied: ${(error as Error).message} (${kept})`);
	}
	const deleted = await pb.backups.delete(name, { requestKey: null }).catch(() => false);
	return {
		file,
		bytes: (await stat(file)).size,
		files,
		ms: Date.now() - started,
		sameDisk: await onSameDisk(outDir, dataDir),
		leftOnServer: deleted ? undefined : `backups/${name}`
	};
}

/** PocketBase 0.22 accepts backup names of [a-z0-9_-] ending in .zip. */
export function backupName(at: Date): string {
	const stamp = at
		.toISOString()
		.replace(/\.\d+Z$/, '')
		.replace(/[-:]/g, '')
		.replace('T', '-');
	return `clyde-${stamp}.zip`;
}

async function download(pb: PocketBase, name: string, to: string): Promise<void> {
	const token = await pb.files.getToken({ requestKey: null });
	const response = await fetch(pb.backups.getDownloadUrl(token, name));
	if (!response.ok || !response.body) throw new Error(`download answered ${response.status}`);
	const expected = Number(response.headers.get('content-length'));
	await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(to));
	// On disk before it is called a backup: a crash right after must not leave half a file.
	const handle = await open(to, 'r+');
	try {
		await handle.sync();
		const { size } = await handle.stat();
		if (expected && size !== expected) throw new Error(`got ${size} of ${expected} bytes`);
	} finally {
		await handle.close();
	}
}

function isInside(path: string, dir: string): boolean {
	const rel = relative(dir, path);
	return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function onSameDisk(a: string, b: string): Promise<boolean> {
	try {
		return (await stat(a)).dev === (await stat(b)).dev;
	} catch {
		return false; // The data dir is on another machine (--url).
	}
}
