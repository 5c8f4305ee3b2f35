/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/every-request.js: serves the built app (docs/architecture.md,
// "Serving the app"). PocketBase 0.22's own static handler sends no Cache-Control and no
// Content-Encoding, and answers a missing file with index.html.

const { encodingFor } = require(`${__hooks}/lib/accept-encoding.js`);
const { publicDir } = require(`${__hooks}/lib/public-dir.js`);

/**
 * By extension. Go's own table lacks webmanifest, and on a server without /etc/mime.types it
 * lacks more; answering with nosniff, a wrong type would break the file. Scripts go without a
 * charset: browsers decode module and worker scripts as UTF-8 whatever the header says (HTML,
 * "fetch a single module script", "fetch a classic worker script"), and the app has no other.
 */
const TYPES = {
	html: 'text/html; charset=utf-8',
	js: 'text/javascript',
	mjs: 'text/javascript',
	css: 'text/css; charset=utf-8',
	json: 'application/json',
	map: 'application/json',
	webmanifest: 'application/manifest+json',
	svg: 'image/svg+xml',
	txt: 'text/plain; charset=utf-8',
	xml: 'application/xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	avif: 'image/avif',
	ico: 'image/x-icon',
	woff2: 'font/woff2',
	woff: 'font/woff'
};

/** The precompressed copies that scripts/build/precompress.ts writes beside a file. */
const VARIANTS = [
	{ coding: 'br', suffix: '.br' },
	{ coding: 'gzip', suffix: '.gz' }
];

const CORS_HEADERS = [
	'Vary',
	'Access-Control-Allow-Origin',
	'Access-Control-Allow-Credentials',
	'Access-Control-Expose-Headers'
];

/** Vite puts a content hash in every file name under here: a new build means new URLs. */
const IMMUTABLE = '_app/immutable/';

function contentType(name) {
	const dot = name.lastIndexOf('.');
	return (dot >= 0 && TYPES[name.slice(dot + 1).toLowerCase()]) || 'application/octet-stream';
}

function cacheControl(name) {
	// No `public`: it only matters for answers to requests with Authorization (RFC 9111 §3.5).
	return name.startsWith(IMMUTABLE)
		? 'max-age=31536000, immutable'
		: // Stored, but asked again each time: an ETag makes that a 304 of a few hundred bytes.
			'no-cache';
}

/**
 * The file a URL path names, relative to the public dir ('' for a path that cannot name one:
 * `..`, empty or odd segments), and whether the app's index.html may answer instead when it
 * is missing. Only navigations to app routes may: a missing script, style or image must be a
 * 404, or the browser gets HTML where it expected code (and a service worker would cache it).
 */
function locate(path) {
	const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
	const segments = trimmed === '' ? [] : trimmed.split('/');
	const valid = segments.every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\0'));
	const name = !valid ? '' : trimmed === '' ? 'index.html' : trimmed;
	const last = segments[segments.length - 1] || '';
	const isAsset = segments[0] === '_app' || last.includes('.');
	return { name, fallback: valid && !isAsset };
}

/** A strong validator from what the file system says of the bytes sent (as nginx does). */
function etagFor(info, coding) {
	const stamp = info.modTime().unixMilli().toString(16);
	return `"${stamp}-${info.size().toString(16)}${coding ? `-${coding}` : ''}"`;
}

/** If-None-Match: `*`, or a list of tags compared weakly (RFC 9110 §13.1.2). */
function etagMatches(header, etag) {
	if (!header) return false;
	if (header.trim() === '*') return true;
	return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** stat() of a regular file in the public dir, or null. */
function regularFile(fsys, name) {
	if (!name) return null;
	try {
		const info = fsys.stat(name);
		return info.isDir() ? null : info;
	} catch {
		return null;
	}
}

/** The file that answers a path (index.html for an app route), or null: a 404. */
function fileFor(fsys, path) {
	const wanted = locate(path);
	const info = regularFile(fsys, wanted.name);
	if (info) return { name: wanted.name, info };
	// A page built as NAME.html answers /NAME, the address the service worker precaches it under
	// (@vite-pwa/sveltekit drops .html, as for prerendered pages): the exercise runner, /runner.
	const page = wanted.fallback ? regularFile(fsys, `${wanted.name}.html`) : null;
	if (page) return { name: `${wanted.name}.html`, info: page };
	const index = wanted.fallback ? regularFile(fsys, 'index.html') : null;
	return index ? { name: 'index.html', info: index } : null;
}

/**
 * The file as it is (coding '') and whichever precompressed copies of it the build wrote. A
 * copy older than its file is stale (the file was replaced or edited after the build) and is
 * never sent: it would be the previous version.
 */
function copiesOf(fsys, found) {
	const copies = [{ coding: '', suffix: '', info: found.info }];
	for (const variant of VARIANTS) {
		const info = regularFile(fsys, found.name + variant.suffix);
		if (info && !info.modTime().before(found.info.modTime())) {
			copies.push({ coding: variant.coding, suffix: variant.suffix, info });
		}
	}
	return copies;
}

/** Whether this server answers the request from the public dir: the API and admin UI aside. */
function handles(method, path) {
	if (method !== 'GET' && method !== 'HEAD') return false;
	return !['/api', '/_'].some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * Answers a GET or HEAD for the built app: the file (or index.html for an app route), in the
 * best precompressed coding the request accepts, with its cache policy and ETag; 304 when the
 * browser's copy is current; 404 when there is no such file.
 */
function serve(c) {
	const request = c.request();
	const header = c.response().header();
	const fsys = $os.dirFS(publicDir());
	const found = fileFor(fsys, request.url.path);
	if (!found) {
		header.set('Cache-Control', 'no-cache');
		throw new NotFoundError('There is no such file.');
	}
	// The app's files are for this origin only (Cross-Origin-Resource-Policy: same-origin), so
	// PocketBase's CORS headers go. Its `Vary: Origin` would also cost a revalidation per file:
	// the page asks for a module script with an Origin header, the service worker's precache
	// then asks without one, and Chromium will not reuse a cached answer across that Vary.
	for (const field of CORS_HEADERS) header.del(field);

	const copies = copiesOf(fsys, found);
	if (copies.length > 1) header.add('Vary', 'Accept-Encoding');
	const coding = encodingFor(
		request.header.get('Accept-Encoding'),
		copies.map((copy) => copy.coding)
	);
	const sent = copies.find((copy) => copy.coding === coding);
	header.set('Cache-Control', cacheControl(found.name));
	// A hashed file is never asked again (a year, immutable): a validator would never be used.
	if (!found.name.startsWith(IMMUTABLE)) {
		const etag = etagFor(sent.info, sent.coding);
		header.set('ETag', etag);
		if (etagMatches(request.header.get('If-None-Match'), etag)) return c.noContent(304);
	}

	const type = contentType(found.name);
	header.set('Content-Type', type);
	if (sent.coding) header.set('Content-Encoding', sent.coding);
	header.set('Content-Length', String(sent.info.size()));
	if (request.method === 'HEAD') return c.noContent(200);
	const file = fsys.open(found.name + sent.suffix);
	try {
		return c.stream(200, type, file);
	} finally {
		file.close();
	}
}

module.exports = { handles, serve, locate, cacheControl, contentType, etagMatches };
