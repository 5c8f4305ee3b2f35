/// <reference path="../pb_data/types.d.ts" />
/* global cronAdd */

// Browser hardening and abuse limits (docs/security.md).
//
// The security headers and the rate limits are applied to every request by the one middleware
// of every-request.pb.js (lib/every-request.js), so that a 429 carries the headers too.

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
