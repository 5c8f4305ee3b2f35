import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text files, which compress; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|map|webmanifest|svg|txt|xml)$/i;

export interface Precompressed {
	/** Path relative to the dir, with forward slashes. */
	file: string;
	bytes: number;
	/** Size of the .br copy, or null when brotli saved nothing and none was written. */
	br: number | null;
	gzip: number | null;
}

/** Brotli at its best (quality 11, text mode) and gzip -9: done once per build, not per request. */
export async function compressBoth(bytes: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
	const [br, gz] = await Promise.all([
		promisify(brotliCompress)(bytes, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		}),
		promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION })
	]);
	return { br, gzip: gz };
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file under `dir`, each only when it is
 * smaller than the file (a 60-byte chunk gains nothing). pb_hooks/lib/static-files.js serves
 * whichever the browser accepts, so the server never compresses a file itself.
 */
export async function precompressDir(dir: string): Promise<Precompressed[]> {
	const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
		.map((entry) => join(entry.parentPath, entry.name));
	return Promise.all(
		files.map(async (path) => {
			const bytes = await readFile(path);
			const compressed = await compressBoth(bytes);
			const write = async (suffix: string, copy: Buffer) => {
				if (copy.length >= bytes.length) return null;
				await writeFile(`${path}${suffix}`, copy);
				return copy.length;
			};
			return {
				file: path.slice(dir.length + 1).replaceAll('\\', '/'),
				bytes: bytes.length,
				br: await write('.br', compressed.br),
				gzip: await write('.gz', compressed.gzip)
			};
		})
	);
}
