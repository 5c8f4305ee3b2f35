import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { UserError } from '../user-error';

export interface BackupContents {
	files: string[];
	/** Uncompressed bytes. */
	bytes: number;
}

/**
 * Reads a PocketBase backup (a zip of pb_data) to the last byte, checking every file's CRC-32,
 * and writes the files under `into` when given. yauzl refuses absolute paths and `..` in entry
 * names, so a crafted zip cannot write outside `into`; it does not check CRCs, so we do.
 * Throws a UserError when the file is not a whole PocketBase backup.
 */
export async function readBackup(file: string, into?: string): Promise<BackupContents> {
	let zip: yauzl.ZipFile;
	try {
		zip = await yauzl.openPromise(file, { lazyEntries: true });
	} catch (error) {
		const reason =
			(error as NodeJS.ErrnoException).code === 'ENOENT'
				? 'no such file'
				: (error as Error).message;
		throw new UserError(`${file} is not a readable zip file (${reason})`);
	}
	const contents: BackupContents = { files: [], bytes: 0 };
	try {
		for await (const entry of zip.eachEntry()) {
			if (entry.fileName.endsWith('/')) continue;
			const target = into ? join(into, entry.fileName) : undefined;
			if (target) await mkdir(dirname(target), { recursive: true });
			let crc = 0;
			const check = new Transform({
				transform(chunk: Buffer, _encoding, done) {
					crc = crc32(chunk, crc);
					contents.bytes += chunk.length;
					done(null, chunk);
				}
			});
			const sink = target ? createWriteStream(target, { flags: 'wx' }) : discard();
			await pipeline(await zip.openReadStreamPromise(entry), check, sink);
			if (crc >>> 0 !== entry.crc32) {
				throw new UserError(`${file} is damaged: ${entry.fileName} fails its checksum`);
			}
			contents.files.push(entry.fileName);
		}
	} catch (error) {
		if (error instanceof UserError) throw error;
		// A failed write (a full disk, no permission) is not the zip's fault.
		if ((error as NodeJS.ErrnoException).syscall) {
			throw new UserError(
				`cannot write the backup's files into ${into}: ${(error as Error).message}`
			);
		}
		throw new UserError(`${file} is damaged or not a zip file (${(error as Error).message})`);
	} finally {
		zip.close();
	}
	if (!contents.files.includes('data.db')) {
		throw new UserError(`${file} is not a PocketBase backup: it has no data.db`);
	}
	return contents;
}

function discard(): Writable {
	return new Writable({ write: (_chunk, _encoding, done) => done() });
}
