import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from './require-hook';

// The pure rules of pb_hooks/lib/static-files.js, accept-encoding.js and security-headers.js;
// what PocketBase sends with them is tested in tests/integration/static-serving.test.ts and
// tests/browser/security-headers.test.ts.
const { encodingFor } = requireHook(`${HOOKS}/lib/accept-encoding.js`) as {
	encodingFor(header: string | undefined, available: string[]): string;
};
const files = requireHook(`${HOOKS}/lib/static-files.js`) as {
	handles(method: string, path: string): boolean;
	locate(path: string): { name: string; fallback: boolean };
	cacheControl(name: string): string;
	contentType(name: string): string;
	etagMatches(header: string, etag: string): boolean;
};

const security = requireHook(`${HOOKS}/lib/security-headers.js`) as {
	kindOf(path: string): 'document' | 'worker' | 'api' | 'asset';
};

describe('Accept-Encoding', () => {
	const both = ['br', 'gzip'];
	it.each([
		['gzip, deflate, br, zstd', 'br'], // Chromium
		['br', 'br'],
		['gzip', 'gzip'],
		['x-gzip', 'gzip'],
		['GZIP, BR', 'br'],
		['br;q=0.5, gzip', 'gzip'],
		['br;q=1.0, gzip;q=0.8', 'br'],
		['br;q=0, gzip', 'gzip'],
		['br;q=0, gzip;q=0', ''],
		['*', 'br'],
		['*;q=0.1, br;q=0', 'gzip'],
		['identity', ''],
		['deflate', ''],
		['', ''],
		[undefined, '']
	])('%j gets %j', (header, coding) => {
		expect(encodingFor(header, both)).toBe(coding);
	});

	it('chooses only among the copies that exist', () => {
		expect(encodingFor('br, gzip', ['gzip'])).toBe('gzip');
		expect(encodingFor('br', ['gzip'])).toBe('');
		expect(encodingFor('br, gzip', [])).toBe('');
	});
});

describe('which file a path names', () => {
	it.each([
		['/', 'index.html', true],
		['/index.html', 'index.html', false],
		['/sw.js', 'sw.js', false],
		['/robots.txt', 'robots.txt', false],
		['/_app/immutable/entry/app.B3i7_t9b.js', '_app/immutable/entry/app.B3i7_t9b.js', false],
		// Under /_app/ everything is a file: never the app's HTML, even without an extension.
		['/_app/immutable', '_app/immutable', false],
		['/_app/version.json', '_app/version.json', false],
		// App routes: index.html answers when there is no such file.
		['/pathways/digital-essentials', 'pathways/digital-essentials', true],
		['/settings/', 'settings', true],
		// A name with a dot is a file, wherever it is.
		['/pathways/missing.png', 'pathways/missing.png', false]
	])('%s → %s (fallback %s)', (path, name, fallback) => {
		expect(files.locate(path)).toEqual({ name, fallback });
	});

	it.each([['/_app/../index.html'], ['/a/./b'], ['/a//b'], ['/..'], ['/a\0b']])(
		'%j names no file and gets no fallback',
		(path) => {
			expect(files.locate(path)).toEqual({ name: '', fallback: false });
		}
	);
});

describe('which requests the public dir answers', () => {
	it('GET and HEAD of everything but the API and the admin UI', () => {
		for (const path of ['/', '/sw.js', '/_app/immutable/x.js', '/apiary', '/_x', '/pathways/a']) {
			expect(files.handles('GET', path), path).toBe(true);
			expect(files.handles('HEAD', path), path).toBe(true);
		}
		for (const path of [
			'/api',
			'/api/health',
			'/api/clyde/catalog',
			'/_',
			'/_/',
			'/_/images/x.png'
		]) {
			expect(files.handles('GET', path), path).toBe(false);
		}
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
			expect(files.handles(method, '/'), method).toBe(false);
		}
	});
});

describe('headers by file', () => {
	it('hashed files are kept a year; everything else is asked again each time', () => {
		const year = 'max-age=31536000, immutable';
		expect(files.cacheControl('_app/immutable/chunks/DEsf5U8_.js')).toBe(year);
		expect(files.cacheControl('_app/immutable/assets/0.DXzuuit1.css')).toBe(year);
		for (const name of [
			'index.html',
			'sw.js',
			'workbox-9c191d2f.js',
			'manifest.webmanifest',
			'_app/version.json',
			'robots.txt',
			'favicon.png'
		]) {
			expect(files.cacheControl(name), name).toBe('no-cache');
		}
	});

	it.each([
		['index.html', 'text/html; charset=utf-8'],
		['a/b.js', 'text/javascript'],
		['a.CSS', 'text/css; charset=utf-8'],
		['manifest.webmanifest', 'application/manifest+json'],
		['_app/version.json', 'application/json'],
		['logo.svg', 'image/svg+xml'],
		['robots.txt', 'text/plain; charset=utf-8'],
		['favicon.png', 'image/png'],
		['font.woff2', 'font/woff2'],
		['README', 'application/octet-stream'],
		['archive.unknown', 'application/octet-stream']
	])('%s is %s', (name, type) => {
		expect(files.contentType(name)).toBe(type);
	});

	it('If-None-Match matches its tag, in a list, weakly, or as *', () => {
		const etag = '"18c-2a-br"';
		expect(files.etagMatches(etag, etag)).toBe(true);
		expect(files.etagMatches(`"x", ${etag}`, etag)).toBe(true);
		expect(files.etagMatches(`W/${etag}`, etag)).toBe(true);
		expect(files.etagMatches('*', etag)).toBe(true);
		expect(files.etagMatches('"18c-2a-gzip"', etag)).toBe(false);
		expect(files.etagMatches('', etag)).toBe(false);
	});
});

describe('which security headers a response gets', () => {
	it.each([
		// Pages, and files a browser renders as a page (SVG and XML can carry script).
		['/', 'document'],
		['/index.html', 'document'],
		['/pathways/digital-essentials/staying-safe', 'document'],
		['/settings/', 'document'],
		['/runner', 'document'],
		['/runner.html', 'document'],
		['/icons/logo.svg', 'document'],
		['/pathways/missing.SVG', 'document'],
		['/feed.xml', 'document'],
		['/_/', 'document'],
		['/_/images/logo.svg', 'document'],
		// A worker's CSP is the one sent with its own script.
		['/sw.js', 'worker'],
		['/api/clyde/catalog', 'api'],
		['/api/files/abc/def/picture.svg', 'api'],
		// Read by a page, never one.
		['/_app/immutable/entry/app.B3i7_t9b.js', 'hashed'],
		['/_app/immutable/assets/0.DXzuuit1.css', 'hashed'],
		['/_app/version.json', 'asset'],
		['/manifest.webmanifest', 'asset'],
		['/favicon.png', 'asset'],
		['/robots.txt', 'asset'],
		['/_app/immutable/entry/missing.js', 'hashed']
	])('%s is a %s', (path, kind) => {
		expect(security.kindOf(path)).toBe(kind);
	});
});
