import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/build/precompress';
import { startTestServer, type TestServer } from '../support/pocketbase';
import { decoded, rawRequest, varyNames, type RawAnswer } from '../support/raw-request';

// A public dir with one file of every kind the app ships, precompressed by the build's own
// step, served by a real PocketBase with the project's hooks (pb_hooks/lib/static-files.js).
const lines = (line: string, times = 60) => line.repeat(times);
// Each with what it is to a browser, which decides its security headers (docs/security.md).
type Kind = 'document' | 'worker' | 'asset' | 'hashed';
const TEXT_FILES: [file: string, type: string, kind: Kind, content: string][] = [
	[
		'index.html',
		'text/html; charset=utf-8',
		'document',
		`<!doctype html><html lang="en-GB"><head><title>Clyde</title></head><body>${lines('<p>Learn digital skills.</p>')}</body></html>`
	],
	['sw.js', 'text/javascript', 'worker', lines('self.addEventListener("fetch", () => {});\n')],
	[
		'_app/immutable/entry/app.B3i7_t9b.js',
		'text/javascript',
		'hashed',
		lines('export const lesson = (n) => `Lesson ${n}`;\n')
	],
	[
		'_app/immutable/assets/0.DXzuuit1.css',
		'text/css; charset=utf-8',
		'hashed',
		lines('.lesson-body h2 { margin: 0 0 1rem; }\n')
	],
	[
		'manifest.webmanifest',
		'application/manifest+json',
		'asset',
		JSON.stringify({ name: 'Clyde', icons: Array(20).fill({ src: '/icons/icon-192.png' }) })
	],
	[
		'_app/version.json',
		'application/json',
		'asset',
		JSON.stringify({ version: lines('1796117015325', 20) })
	],
	[
		'icons/logo.svg',
		'image/svg+xml',
		'document',
		`<svg xmlns="http://www.w3.org/2000/svg">${lines('<circle r="4"/>')}</svg>`
	],
	[
		'robots.txt',
		'text/plain; charset=utf-8',
		'asset',
		`User-agent: *\n${lines('Disallow: /api/\n', 10)}`
	]
];
const TINY = '_app/immutable/chunks/tiny.Ab12Cd34.js';
const IMMUTABLE = 'max-age=31536000, immutable';
// Read by browsers for a document only (and the CSP for a worker too).
const PAGE_ONLY = [
	'permissions-policy',
	'cross-origin-opener-policy',
	'x-frame-options',
	'x-xss-protection'
];

describe('the built app as PocketBase serves it (precompressed, cached, 404s)', () => {
	let dir: string;
	let server: TestServer;
	const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
		rawRequest(server.url, path, { method, headers });
	const file = (name: string) => readFile(join(dir, name));

	beforeAll(async () => {
		dir = await mkdtemp(join(tmpdir(), 'clyde-public-'));
		const write = async (name: string, content: string | Buffer) => {
			await mkdir(dirname(join(dir, name)), { recursive: true });
			await writeFile(join(dir, name), content);
		};
		for (const [name, , , content] of TEXT_FILES) await write(name, content);
		await write(TINY, 'export{};');
		await write(
			'favicon.png',
			await readFile(resolve(import.meta.dirname, '../../static/favicon.png'))
		);
		await precompressDir(dir);
		server = await startTestServer(dir);
	});
	afterAll(async () => {
		await server?.destroy();
		await rm(dir, { recursive: true, force: true });
	});

	/**
	 * nosniff and CORP on everything but the build's hashed scripts and styles; Referrer-Policy,
	 * the CSP and HSTS on documents and the worker; the window's and framing policies on
	 * documents only ('any': a 404, whichever).
	 */
	function expectSecurityHeaders(answer: RawAnswer, kind: Kind | 'any', where: string): void {
		const h = answer.headers;
		expect(h['x-content-type-options'], where).toBe(kind === 'hashed' ? undefined : 'nosniff');
		expect(h['cross-origin-resource-policy'], where).toBe(
			kind === 'hashed' ? undefined : 'same-origin'
		);
		if (kind === 'any') return;
		const file = kind === 'asset' || kind === 'hashed';
		expect(h['referrer-policy'], where).toBe(file ? undefined : 'no-referrer');
		const withPolicy = !file;
		expect(h['content-security-policy'] !== undefined, `${where} CSP`).toBe(withPolicy);
		expect(h['strict-transport-security'] !== undefined, `${where} HSTS`).toBe(withPolicy);
		if (withPolicy) expect(h['content-security-policy'], where).toContain("frame-ancestors 'none'");
		for (const name of PAGE_ONLY) {
			expect(h[name] !== undefined, `${where} ${name}`).toBe(kind === 'document');
		}
		if (kind === 'document') expect(h['x-frame-options'], where).toBe('DENY');
	}

	it.each(
		TEXT_FILES.flatMap(([name, type, kind]) =>
			['br', 'gzip'].map((coding): [string, string, string, Kind] => [coding, name, type, kind])
		)
	)(
		'%s: /%s decodes to the file, with its type, length and Vary',
		async (coding, name, type, kind) => {
			const answer = await get(`/${name}`, { 'Accept-Encoding': coding });
			expect(answer.status).toBe(200);
			// One coding, applied once: a second layer would not decode to the file's bytes.
			expect(answer.headers['content-encoding']).toBe(coding);
			expect(decoded(answer).equals(await file(name))).toBe(true);
			expect(answer.headers['content-type']).toBe(type);
			expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
			expect(answer.body.length).toBeLessThan((await file(name)).length);
			expect(varyNames(answer.headers)).toEqual(['accept-encoding']);
			expectSecurityHeaders(answer, kind, name);
		}
	);

	it("brotli first, the request's q-values honoured, the plain file to a client that takes neither", async () => {
		const coding = async (accept?: string) =>
			(await get('/sw.js', accept === undefined ? {} : { 'Accept-Encoding': accept })).headers[
				'content-encoding'
			] ?? 'none';
		expect(await coding('gzip, deflate, br, zstd')).toBe('br');
		expect(await coding('br;q=0.5, gzip')).toBe('gzip');
		expect(await coding('br;q=0, gzip;q=0')).toBe('none');
		expect(await coding('identity')).toBe('none');
		expect(await coding()).toBe('none');

		const plain = await get('/sw.js', { 'Accept-Encoding': 'identity' });
		expect(plain.body.equals(await file('sw.js'))).toBe(true);
		expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
		// Caches must still tell the plain answer from the compressed ones.
		expect(varyNames(plain.headers)).toEqual(['accept-encoding']);
	});

	it('images, and files too small to gain, go as they are', async () => {
		for (const name of ['favicon.png', TINY]) {
			const answer = await get(`/${name}`, { 'Accept-Encoding': 'br, gzip' });
			expect(answer.status, name).toBe(200);
			expect(answer.headers['content-encoding'], name).toBeUndefined();
			expect(answer.body.equals(await file(name)), name).toBe(true);
		}
		expect((await get('/favicon.png')).headers['content-type']).toBe('image/png');
	});

	it('hashed files are cached for a year, everything else is revalidated', async () => {
		for (const name of [
			'_app/immutable/entry/app.B3i7_t9b.js',
			'_app/immutable/assets/0.DXzuuit1.css',
			TINY
		]) {
			const answer = await get(`/${name}`);
			expect(answer.headers['cache-control'], name).toBe(IMMUTABLE);
			// Never asked again for a year: a validator would never be used.
			expect(answer.headers.etag, name).toBeUndefined();
		}
		const others = ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/_app/version.json'];
		for (const path of [...others, '/robots.txt', '/favicon.png', '/pathways/digital-essentials']) {
			const answer = await get(path, { 'Accept-Encoding': 'br' });
			expect(answer.headers['cache-control'], path).toBe('no-cache');
			expect(answer.headers.etag, path).toMatch(/^"[0-9a-f]+-[0-9a-f]+(-br)?"$/);
		}
	});

	it('a current ETag gets a 304 without a body; each coding has its own ETag', async () => {
		for (const [path, kind] of [
			['/sw.js', 'worker'],
			['/', 'document'],
			['/manifest.webmanifest', 'asset']
		] as const) {
			const br = await get(path, { 'Accept-Encoding': 'br' });
			const gzip = await get(path, { 'Accept-Encoding': 'gzip' });
			const plain = await get(path);
			expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size, path).toBe(3);

			const again = await get(path, {
				'Accept-Encoding': 'br',
				'If-None-Match': br.headers.etag ?? ''
			});
			expect(again.status, path).toBe(304);
			expect(again.body.length, path).toBe(0);
			expect(again.headers.etag, path).toBe(br.headers.etag);
			expect(again.headers['cache-control'], path).toBe(br.headers['cache-control']);
			expect(varyNames(again.headers), path).toEqual(['accept-encoding']);
			expectSecurityHeaders(again, kind, path);
			// A tag in a list, or weak, still matches; another coding's tag does not.
			const listed = await get(path, {
				'Accept-Encoding': 'br',
				'If-None-Match': `"other", W/${br.headers.etag}`
			});
			expect(listed.status, path).toBe(304);
			const otherCoding = await get(path, {
				'Accept-Encoding': 'gzip',
				'If-None-Match': br.headers.etag ?? ''
			});
			expect(otherCoding.status, path).toBe(200);
		}
	});

	it('HEAD answers 200 with the headers a GET gets, and no body', async () => {
		for (const [path, kind] of [
			['/', 'document'],
			['/pathways/digital-essentials', 'document'],
			['/sw.js', 'worker'],
			['/favicon.png', 'asset']
		] as const) {
			const head = await get(path, { 'Accept-Encoding': 'br' }, 'HEAD');
			const full = await get(path, { 'Accept-Encoding': 'br' });
			expect(head.status, path).toBe(200);
			expect(head.body.length, path).toBe(0);
			for (const name of [
				'content-type',
				'content-encoding',
				'content-length',
				'etag',
				'cache-control'
			]) {
				expect(head.headers[name], `${path} ${name}`).toBe(full.headers[name]);
			}
			expectSecurityHeaders(head, kind, `HEAD ${path}`);
		}
		expect((await get('/missing.js', {}, 'HEAD')).status).toBe(404);
	});

	it("a missing file is a 404, never the app's HTML; app routes get index.html", async () => {
		const missing = [
			'/missing.js',
			'/_app/immutable/entry/app.gone1234.js',
			'/_app/immutable/assets/gone.css',
			'/_app/anything',
			'/icons/missing.png',
			'/pathways/missing.svg',
			// Outside the public dir: refused, not looked for.
			'/_app/../index.html',
			'/a//b'
		];
		for (const path of missing) {
			const answer = await get(path, { 'Accept-Encoding': 'br, gzip' });
			expect(answer.status, path).toBe(404);
			expect(answer.headers['content-type'], path).not.toContain('text/html');
			expectSecurityHeaders(
				answer,
				/^\/_app\/immutable\/.+\.(js|css)$/.test(path) ? 'hashed' : 'any',
				path
			);
		}
		const index = await file('index.html');
		for (const path of ['/', '/pathways/digital-essentials/staying-safe', '/settings/']) {
			const answer = await get(path, { 'Accept-Encoding': 'br' });
			expect(answer.status, path).toBe(200);
			expect(decoded(answer).equals(index), path).toBe(true);
		}
	});

	it('a copy older than its file (edited after the build) is never sent: the file is', async () => {
		const path = join(dir, 'edited.json');
		await writeFile(path, JSON.stringify({ version: lines('1796117015325', 20) }));
		await precompressDir(dir);
		const edited = JSON.stringify({ version: lines('1796117099999', 20) });
		await writeFile(path, edited);
		const later = new Date(Date.now() + 60_000);
		await utimes(path, later, later);
		const answer = await get('/edited.json', { 'Accept-Encoding': 'br, gzip' });
		expect(answer.headers['content-encoding']).toBeUndefined();
		expect(answer.body.toString()).toBe(edited);
	});

	it("the app's files carry no CORS headers: no Vary: Origin to defeat the HTTP cache", async () => {
		const answer = await get('/_app/immutable/entry/app.B3i7_t9b.js', {
			Origin: server.url,
			'Accept-Encoding': 'br'
		});
		expect(varyNames(answer.headers)).toEqual(['accept-encoding']);
		expect(answer.headers['access-control-allow-origin']).toBeUndefined();
	});
});
