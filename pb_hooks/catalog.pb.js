/// <reference path="../pb_data/types.d.ts" />

// Read-only content routes for the app. Public: learners may study before they have an
// account. Only published content is listed.

// GET /api/clyde/catalog — every published pathway with its modules and lesson summaries
// (no lesson bodies), and each lesson's size, so the app can show a download's size first.
// With ?since=N (the seq of the catalog the app already has) the answer is just
// {"seq": N, "unchanged": true} when no publish happened since: a few bytes, not the catalog.
routerAdd('GET', '/api/clyde/catalog', (c) => {
	const catalog = require(`${__hooks}/lib/catalog.js`);
	c.response().header().set('Cache-Control', 'no-cache');
	const since = Number(c.queryParam('since') || 0);
	const seq = catalog.contentSeq($app.dao());
	if (since > 0 && since >= seq) return c.json(200, { seq, unchanged: true });
	return c.json(200, catalog.catalog($app.dao()));
});

// GET /api/clyde/lessons?ids=a,b,c — whole lessons (HTML and quiz), by content id, at most
// 50 at a time, so a download can go in small steps and resume after the last one stored.
routerAdd('GET', '/api/clyde/lessons', (c) => {
	const catalog = require(`${__hooks}/lib/catalog.js`);
	const ids = String(c.queryParam('ids') || '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');
	if (ids.length === 0 || ids.length > 50) {
		throw new BadRequestError('Give 1 to 50 lesson ids: ?ids=a,b,c');
	}
	c.response().header().set('Cache-Control', 'no-cache');
	return c.json(200, { lessons: catalog.lessons($app.dao(), ids) });
});
