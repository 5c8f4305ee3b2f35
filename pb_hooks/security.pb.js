/// <reference path="../pb_data/types.d.ts" />
/* global cronAdd */

// Browser hardening and abuse limits (docs/security.md).
//
// One global middleware sets the security headers and then applies the rate limits, so that a
// 429 carries the headers too. PocketBase 0.22 runs routerUse middlewares for every request,
// after its own (whose X-Frame-Options and X-XSS-Protection this replaces or removes): API
// routes, the static app in build/, the Admin UI, and 404/405 answers alike; each gets the
// headers of its kind (tests/browser/security-headers.test.ts).
routerUse((next) => (c) => {
	require(`${__hooks}/lib/security-headers.js`).apply(c);
	// Reads need no body, but $apis.requestInfo() in a GET route would parse one (up to 32 MiB).
	if (['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(c.request().method)) {
		return $apis.bodyLimit(64 << 10)(next)(c);
	}
	return require(`${__hooks}/lib/rate-limits.js`).guard(c, next);
});

// Ended rate-limit windows are forgotten every ten minutes, so the table stays small.
cronAdd('clyde_rate_limits_prune', '*/10 * * * *', () => {
	require(`${__hooks}/lib/rate-limits.js`).prune();
});

// Common and guessable passwords are refused at sign-up and on a password change; the
// minimum length is the users collection's own rule.
onRecordBeforeCreateRequest((e) => {
	require(`${__hooks}/lib/passwords.js`).check(e);
}, 'users');

onRecordBeforeUpdateRequest((e) => {
	require(`${__hooks}/lib/passwords.js`).check(e);
}, 'users');

// Say at start-up if the app's bootstrap script could not be found: its pages would not run.
onAfterBootstrap(() => {
	const policy = require(`${__hooks}/lib/security-headers.js`).appPolicy();
	if (!policy.includes("'sha256-")) {
		console.warn(
			'Content-Security-Policy: no script hashes found in the public dir index.html; the app will not start in a browser until it is built (npm run build) and PocketBase restarted'
		);
	}
});
