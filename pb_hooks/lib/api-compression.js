/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/every-request.js.

const { encodingFor } = require(`${__hooks}/lib/accept-encoding.js`);

/**
 * Never through gzip: the realtime stream (SSE), whose events must leave as they happen, and
 * files and backups, which are compressed already and are served with Range support.
 */
const UNCOMPRESSED = [/^\/api\/realtime$/, /^\/api\/files\//, /^\/api\/backups(\/|$)/];

// One per JS VM (require() caches this module per VM): each $apis.gzip() keeps its own pool
// of compressors, too costly to make for every request.
let gzip = null;

/** Sends an API answer gzipped (echo's Gzip middleware, level 6) when the request accepts it. */
function compress(c, next) {
	const path = c.request().url.path;
	if (!path.startsWith('/api/') || UNCOMPRESSED.some((pattern) => pattern.test(path))) {
		return next(c);
	}
	// The content routes send their own brotli, compressed once per publish (lib/content-answer.js).
	if (require(`${__hooks}/lib/content-answer.js`).sendsBrotli(c)) {
		c.set('clydeBrotli', true);
		c.response().header().add('Vary', 'Accept-Encoding');
		return next(c);
	}
	// echo's Gzip only looks for "gzip" in the header, so "gzip;q=0" would get gzip.
	if (encodingFor(c.request().header.get('Accept-Encoding'), ['gzip']) !== 'gzip') {
		c.response().header().add('Vary', 'Accept-Encoding');
		return next(c);
	}
	return gzipped(c, next);
}

/** Runs `next` with its answer gzipped (the request accepts gzip: see compress). */
function gzipped(c, next) {
	gzip = gzip || $apis.gzip();
	return gzip(next)(c);
}

module.exports = { compress, gzipped };
