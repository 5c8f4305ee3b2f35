import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { extract } from 'tar-stream';

/** Unpacks a Brotli-compressed tarball (`*.tar.br`) into `into`: its files and directories only. */
export async function untarBrotli(file: string, into: string): Promise<void> {
	const entries = extract();
	const reading = pipeline(createReadStream(file), createBrotliDecompress(), entries);
	for await (const entry of entries) {
		const { name, type, mode } = entry.header;
		const target = resolve(into, name);
		if (target !== into && !target.startsWith(into + sep)) {
			throw new Error(`${file}: entry "${name}" would land outside ${into}`);
		}
		if (type === 'directory') {
			await mkdir(target, { recursive: true });
			entry.resume();
		} else if (type === 'file') {
			await mkdir(dirname(target), { recursive: true });
			await pipeline(entry, createWriteStream(target, { mode: mode ?? 0o644, flush: true }));
		} else {
			throw new Error(`${file}: entry "${name}" is a ${type}, which is not unpacked`);
		}
	}
	await reading;
}
