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
		const author = info.authRecord
			? { id: info.authRecord.id, name: info.authRecord.getString('name') }
			: { id: '', name: 'An administrator' };
		return c.json(200, publish.publish($app, info.data, author, ''));
	},
	$apis.requireAdminOrRecordAuth(),
	$apis.bodyLimit(32 << 20)
);

// POST /api/clyde/content/restore {publish, dryRun}: publishes an earlier publish's content set
// again (pb_migrations/…_publishes.js), checked as a publish is; recorded as a new publish.
routerAdd(
	'POST',
	'/api/clyde/content/restore',
	(c) => {
		const publish = require(`${__hooks}/lib/publish.js`);
		const info = $apis.requestInfo(c);
		const isEditor = info.authRecord && info.authRecord.getString('role') === 'editor';
		if (!info.admin && !isEditor) {
			throw new ForbiddenError('Only editors can restore content.');
		}
		const data = info.data || {};
		if (data.dryRun !== undefined && typeof data.dryRun !== 'boolean')
			throw new BadRequestError('"dryRun" must be true or false.');
		const { payload, problem } = publish.restorePayload($app, data.publish);
		if (problem) throw new BadRequestError(problem);
		payload.dryRun = data.dryRun === true;
		const invalid = publish.validatePayload(payload, (text) => $security.sha256(text));
		if (invalid) throw new BadRequestError(`That publish cannot be restored: ${invalid}`);
		const author = info.authRecord
			? { id: info.authRecord.id, name: info.authRecord.getString('name') }
			: { id: '', name: 'An administrator' };
		return c.json(200, publish.publish($app, payload, author, data.publish));
	},
	$apis.requireAdminOrRecordAuth(),
	$apis.bodyLimit(1 << 16)
);
