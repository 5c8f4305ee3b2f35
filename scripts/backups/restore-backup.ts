import { cp, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runPocketBaseCli, type PocketBaseDirs } from '../pocketbase/server';
import { UserError } from '../user-error';
import { isServing } from './admin-session';
import { readBackup } from './backup-zip';
import { processHolding } from './data-dir-in-use';

export interface RestoreOptions {
	file: string;
	dataDir: string;
	/** Where the configured server would answer: it must not. */
	url: string;
	binary: string;
	/** Move a non-empty data dir's contents aside instead of refusing. */
	force: boolean;
	/** Migrations and hooks for the check that the database opens (defaults: the project's). */
	dirs?: Omit<PocketBaseDirs, 'dataDir'>;
	now?: Date;
}

export interface RestoreResult {
	files: number;
	bytes: number;
	/** Where the data dir's earlier contents went (with --force), kept until the operator deletes them. */
	movedAside?: string;
}

/**
 * Restores a backup zip into the data dir of a stopped server. Every byte of the zip is
 * checked first; it is unpacked next to the data (inside the data dir, so the final moves
 * are renames on one filesystem even when the data dir is a mount point), opened by
 * PocketBase (`migrate up`, which also brings an older backup's schema up to date), and only
 * then swapped in. Nothing is ever deleted: with --force, earlier contents are moved aside.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
	const dataDir = resolve(options.dataDir);
	await readBackup(options.file);
	if (await isServing(options.url)) {
		throw new UserError(
			`a server is running at ${options.url}: stop it first (a restore replaces its data dir)`
		);
	}
	const holder = await processHolding(join(dataDir, 'data.db'));
	if (holder) {
		throw new UserError(`process ${holder} has ${dataDir}/data.db open: stop it first`);
	}

	const stamp = (options.now ?? new Date()).toISOString().replace(/\D/g, '').slice(0, 14);
	const aside = `${dataDir}.before-restore-${stamp}`;
	const existing = await entries(dataDir);
	if (existing.length > 0 && !options.force) {
		throw new UserError(
			`${dataDir} already holds data (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}): restore into a new or empty data dir, or add --force to move its contents to ${aside} first`
		);
	}

	const staging = join(dataDir, `.clyde-restore-${stamp}`);
	await mkdir(staging, { recursive: true });
	const discard = () => rm(staging, { recursive: true, force: true });
	const contents = await readBackup(options.file, staging).catch(async (error: unknown) => {
		await discard();
		throw error;
	});
	try {
		await runPocketBaseCli(options.binary, ['migrate', 'up'], {
			...options.dirs,
			dataDir: staging
		});
	} catch (error) {
		await discard();
		throw new UserError(`the backup's database could not be opened: ${(error as Error).message}`);
	}

	if (existing.length > 0) {
		await mkdir(aside);
		for (const name of existing) await move(join(dataDir, name), join(aside, name));
	}
	for (const name of await readdir(staging)) await move(join(staging, name), join(dataDir, name));
	await rmdir(staging);
	return {
		files: contents.files.length,
		bytes: contents.bytes,
		movedAside: existing.length > 0 ? aside : undefined
	};
}

/** What the data dir holds, ignoring a filesystem's lost+found; none when it does not exist. */
async function entries(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir)).filter((name) => name !== 'lost+found');
	} catch {
		return [];
	}
}

/** A rename, or a copy then delete when `to` is on another filesystem (a mounted data dir). */
async function move(from: string, to: string): Promise<void> {
	try {
		await rename(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		await cp(from, to, { recursive: true, preserveTimestamps: true });
		await rm(from, { recursive: true, force: true });
	}
}
