/// <reference path="../pb_data/types.d.ts" />

// POST /api/clyde/content/publish — the whole content set in one request, written in one
// transaction: learners see the old set or the new one, never half of each. Editors and
// admins only. `dryRun: true` runs everything and rolls back, so the answer is exactly what
// a real publish would change.
routerAdd(
	'POST',
	'/api/clyde/content/publish',
	(c) => {
		// Top-level code of a .pb.js file is not visible inside handlers in PocketBase 0.22.
		const publish = require(`${__hooks}/lib/publish.js`);
		const info = $apis.requestInfo(c);
		const isEditor = info.authRecord && info.authRecord.getString('role') === 'editor';
		if (!info.admin && !isEditor) {
			throw new ForbiddenError('Only editors can publish content.');
		}
		const problem = publish.validatePayload(info.data, (text) => $security.sha256(text));
		if (problem) throw new BadRequestError(problem);
		return c.json(200, publish.publish($app, info.data));
	},
	$apis.requireAdminOrRecordAuth(),
	$apis.bodyLimit(32 << 20)
);
