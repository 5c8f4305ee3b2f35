import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';

const script = 'export function greet(name) { return `Hello, ${name}!`; }\n'.repeat(40);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('precompressDir', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'clyde-precompress-'));
		await mkdir(join(dir, '_app/immutable/chunks'), { recursive: true });
		await writeFile(join(dir, '_app/immutable/chunks/big.js'), script);
		await writeFile(join(dir, '_app/immutable/chunks/tiny.js'), 'export{};');
		await writeFile(join(dir, 'index.html'), `<!doctype html><p>${'Learn. '.repeat(50)}</p>`);
		await writeFile(join(dir, 'favicon.png'), png);
	});
	afterEach(() => rm(dir, { recursive: true, force: true }));

	it('writes .br and .gz beside each text file, which decode to its bytes', async () => {
		const result = await precompressDir(dir);
		for (const file of ['_app/immutable/chunks/big.js', 'index.html']) {
			const original = await readFile(join(dir, file));
			const br = await readFile(join(dir, `${file}.br`));
			const gz = await readFile(join(dir, `${file}.gz`));
			expect(brotliDecompressSync(br).equals(original), file).toBe(true);
			expect(gunzipSync(gz).equals(original), file).toBe(true);
			expect(br.length).toBeLessThan(gz.length);
			expect(result.find((r) => r.file === file)).toEqual({
				file,
				bytes: original.length,
				br: br.length,
				gzip: gz.length
			});
		}
	});

	it('writes nothing for images, nor for a file that compressing would not shrink', async () => {
		const result = await precompressDir(dir);
		expect(result.find((r) => r.file === '_app/immutable/chunks/tiny.js')).toMatchObject({
			br: null,
			gzip: null
		});
		expect(result.map((r) => r.file)).not.toContain('favicon.png');
		const written = await readdir(dir, { recursive: true });
		expect(written.filter((f) => /(tiny\.js|\.png)\.(br|gz)$/.test(f))).toEqual([]);
	});

	it('a second run leaves the same files (it never compresses its own output)', async () => {
		await precompressDir(dir);
		const before = (await readdir(dir, { recursive: true })).sort();
		await precompressDir(dir);
		expect((await readdir(dir, { recursive: true })).sort()).toEqual(before);
	});
});
