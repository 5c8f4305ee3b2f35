/// <reference path="../pb_data/types.d.ts" />

// Badges anyone can verify (issue #18; docs/badges.md). Claiming needs the learner signed in
// and online; the issuer, its keys and a badge's status are public, so anyone holding a badge
// can check it without an account. Claims and revocations are rate limited (lib/rate-limits.js).

routerAdd(
	'POST',
	'/api/clyde/badges/claim',
	(c) => {
		const badges = require(`${__hooks}/lib/badges.js`);
		const info = $apis.requestInfo(c);
		const answer = badges.claim($app, info.authRecord, info.data);
		c.response().header().set('Cache-Control', 'no-store');
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 10)
);

routerAdd('GET', '/api/clyde/badges/issuer', (c) => {
	const answer = require(`${__hooks}/lib/badges.js`).issuer($app);
	// Keys only ever get added; a verifier may keep this for an hour.
	c.response().header().set('Cache-Control', 'public, max-age=3600');
	return c.json(answer.status, answer.body);
});

routerAdd('GET', '/api/clyde/badges/keys/:kid', (c) => {
	const answer = require(`${__hooks}/lib/badges.js`).key($app, c.pathParam('kid'));
	c.response().header().set('Cache-Control', 'public, max-age=3600');
	return c.json(answer.status, answer.body);
});

routerAdd('GET', '/api/clyde/badges/status/:id', (c) => {
	const answer = require(`${__hooks}/lib/badges.js`).status($app, c.pathParam('id'));
	c.response().header().set('Cache-Control', 'no-cache');
	return c.json(answer.status, answer.body);
});

// Changes only when a badge is revoked; a verifier asks again each time (it is small).
routerAdd('GET', '/api/clyde/badges/revoked', (c) => {
	const answer = require(`${__hooks}/lib/badges.js`).revoked($app);
	c.response().header().set('Cache-Control', 'no-cache');
	return c.json(answer.status, answer.body);
});

routerAdd(
	'POST',
	'/api/clyde/badges/:id/revoke',
	(c) => {
		const badges = require(`${__hooks}/lib/badges.js`);
		const info = $apis.requestInfo(c);
		const answer = badges.revoke($app, info.authRecord, info.admin, c.pathParam('id'), info.data);
		c.response().header().set('Cache-Control', 'no-store');
		return c.json(answer.status, answer.body);
	},
	$apis.requireAdminOrRecordAuth(),
	$apis.bodyLimit(1 << 10)
);

routerAdd(
	'POST',
	'/api/clyde/badges/keys/rotate',
	(c) => {
		const answer = require(`${__hooks}/lib/badges.js`).rotate($app);
		return c.json(answer.status, answer.body);
	},
	$apis.requireAdminAuth(),
	$apis.bodyLimit(1 << 10)
);
