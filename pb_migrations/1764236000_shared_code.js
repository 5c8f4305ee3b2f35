/// <reference path="../pb_data/types.d.ts" />

// Code a learner chose to send to their tutor ("Send my code to my tutor…" on an exercise,
// docs/exercises.md). Its own collection, not progress_events: the events' `data` holds at most
// 2 KB, and every event is pulled by the learner's devices, tallied and read by dashboards,
// which should never carry 20 KB of code each. Written only by POST /api/clyde/share
// (pb_hooks/share.pb.js), which checks it (pb_hooks/lib/shares.js); read by the learner, the
// tutors of their cohorts on the lesson's pathway (the same rule as progress_events) and admins.
// `op_id` is the phone's id for the share: a retried send stores nothing twice. Deleting the
// learner deletes their shares.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const text = (name, max) => ({
			name,
			type: 'text',
			required: true,
			options: { min: 1, max, pattern: '' }
		});
		const rule =
			'@request.auth.id != "" && (user = @request.auth.id || (user.memberships_via_learner.cohort.tutor ?= @request.auth.id && user.memberships_via_learner.cohort.pathway ?= pathway))';
		dao.saveCollection(
			new Collection({
				name: 'shared_code',
				type: 'base',
				schema: [
					text('op_id', 36),
					{
						name: 'user',
						type: 'relation',
						required: true,
						options: { collectionId: users.id, cascadeDelete: true, maxSelect: 1 }
					},
					text('exercise', 60),
					text('lesson', 60),
					text('module', 60),
					text('pathway', 60),
					text('at', 30),
					// {html, css, js}: at most 20,000 characters in all (lib/shares.js), as JSON.
					{ name: 'files', type: 'json', required: true, options: { maxSize: 65536 } }
				],
				indexes: [
					'CREATE UNIQUE INDEX idx_shared_code_op_id ON shared_code (op_id)',
					'CREATE INDEX idx_shared_code_user_pathway ON shared_code (user, pathway)'
				],
				listRule: rule,
				viewRule: rule,
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
	},
	(db) => {
		const dao = new Dao(db);
		dao.deleteCollection(dao.findCollectionByNameOrId('shared_code'));
	}
);
