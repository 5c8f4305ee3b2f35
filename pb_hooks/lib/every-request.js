/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from every-request.pb.js. Plain JavaScript for goja.

/**
 * Runs `next` (PocketBase's route) for `c` inside the steps every request takes, outermost
 * first: API answers gzipped (lib/api-compression.js); the security headers of the response's
 * kind (lib/security-headers.js); a body limit for reads, or the rate limits for writes
 * (lib/rate-limits.js), so that a 429 carries the headers too; then the built app answered
 * from the public dir (lib/static-files.js), or the route.
 */
function handle(c, next) {
	const compression = require(`${__hooks}/lib/api-compression.js`);
	return compression.compress(c, (c1) => guarded(c1, next));
}

function guarded(c, next) {
	const files = require(`${__hooks}/lib/static-files.js`);
	require(`${__hooks}/lib/security-headers.js`).apply(c);
	const inner = (c2) =>
		files.handles(c2.request().method, c2.request().url.path) ? files.serve(c2) : next(c2);
	// Reads need no body, but $apis.requestInfo() in a GET route would parse one (up to 32 MiB).
	if (['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(c.request().method)) {
		return $apis.bodyLimit(64 << 10)(inner)(c);
	}
	return require(`${__hooks}/lib/rate-limits.js`).guard(c, inner);
}

module.exports = { handle };
