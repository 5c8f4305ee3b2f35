/// <reference path="../pb_data/types.d.ts" />

// POST /api/clyde/sync/push {events: [...]} — a batch from a learner's outbox, all or nothing.
// Every event is checked first; one bad event rejects the batch with a reason per event and
// writes nothing. An op id already stored for this learner counts as stored (a retry).
routerAdd(
	'POST',
	'/api/clyde/sync/push',
	(c) => {
		const sync = require(`${__hooks}/lib/sync.js`);
		const body = sync.readBody(
			c.request().header.get('Content-Type'),
			readerToString(c.request().body)
		);
		const answer = sync.push($app, c.get('authRecord'), body);
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 20)
);

// GET /api/clyde/sync/pull?after=N&limit=M — the caller's own events with seq > N, oldest
// first, so another device can catch up page by page.
routerAdd(
	'GET',
	'/api/clyde/sync/pull',
	(c) => {
		const sync = require(`${__hooks}/lib/sync.js`);
		const info = $apis.requestInfo(c);
		const answer = sync.pull(
			$app.dao(),
			info.authRecord,
			c.queryParam('after'),
			c.queryParam('limit')
		);
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users')
);
