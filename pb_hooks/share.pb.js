/// <reference path="../pb_data/types.d.ts" />

// POST /api/clyde/share {id, exercise, lesson, module, pathway, at, files: {html, css, js}}:
// code a learner chose to send to their tutor, from the phone's sync (docs/sync-protocol.md).
// 400 with the reason when it is malformed (pb_hooks/lib/shares.js); a retry stores nothing twice.
routerAdd(
	'POST',
	'/api/clyde/share',
	(c) => {
		const shares = require(`${__hooks}/lib/shares.js`);
		const sync = require(`${__hooks}/lib/sync.js`);
		const body = sync.readBody(
			c.request().header.get('Content-Type'),
			readerToString(c.request().body)
		);
		const problem = shares.shareProblem(body);
		if (problem) throw new BadRequestError(problem);
		const answer = shares.storeShare($app.dao(), c.get('authRecord'), body);
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 17)
);
