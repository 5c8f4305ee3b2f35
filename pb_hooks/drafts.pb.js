/// <reference path="../pb_data/types.d.ts" />

// POST /api/clyde/drafts/save {file, text, baseVersion}: the browser editor's autosave.
// 200 {file, version} when saved; 409 with both texts when someone saved since `baseVersion`
// (pb_hooks/lib/drafts.js). Editors and admins only.
routerAdd(
	'POST',
	'/api/clyde/drafts/save',
	(c) => {
		// Top-level code of a .pb.js file is not visible inside handlers in PocketBase 0.22.
		const drafts = require(`${__hooks}/lib/drafts.js`);
		const info = $apis.requestInfo(c);
		const isEditor = info.authRecord && info.authRecord.getString('role') === 'editor';
		if (!info.admin && !isEditor) {
			throw new ForbiddenError('Only editors can save drafts.');
		}
		const problem = drafts.draftProblem(info.data);
		if (problem) throw new BadRequestError(problem);
		const author = info.authRecord
			? { id: info.authRecord.id, name: info.authRecord.getString('name') }
			: { id: '', name: 'An administrator' };
		const answer = drafts.saveDraft($app, info.data, author);
		return c.json(answer.status, answer.body);
	},
	$apis.requireAdminOrRecordAuth(),
	$apis.bodyLimit(1 << 20)
);
