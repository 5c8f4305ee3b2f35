/// <reference path="../pb_data/types.d.ts" />

// Learner progress events, pushed by the app's outbox (pb_hooks/sync.pb.js). Append-only.
// `op_id` is the client's UUIDv7: a retried push finds it and stores nothing twice. `seq` is
// given by the server in commit order and only grows: other devices pull "after seq N".
// Deleting a user deletes their events (cascadeDelete), as UK GDPR erasure requires.
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
		const events = new Collection({
			name: 'progress_events',
			type: 'base',
			schema: [
				text('op_id', 36),
				{
					name: 'user',
					type: 'relation',
					required: true,
					options: { collectionId: users.id, cascadeDelete: true, maxSelect: 1 }
				},
				{
					name: 'type',
					type: 'select',
					required: true,
					options: {
						maxSelect: 1,
						values: ['lesson_opened', 'lesson_completed', 'quiz_answered', 'quiz_completed']
					}
				},
				text('lesson', 60),
				text('module', 60),
				text('pathway', 60),
				text('at', 30),
				{ name: 'data', type: 'json', required: false, options: { maxSize: 2000 } },
				{
					name: 'seq',
					type: 'number',
					required: true,
					options: { min: 1, max: null, noDecimal: true }
				}
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_progress_events_op_id ON progress_events (op_id)',
				'CREATE UNIQUE INDEX idx_progress_events_seq ON progress_events (seq)',
				'CREATE INDEX idx_progress_events_user_seq ON progress_events (user, seq)'
			],
			// Learners read only their own events; nobody writes except through the push route.
			listRule: 'user = @request.auth.id',
			viewRule: 'user = @request.auth.id',
			createRule: null,
			updateRule: null,
			deleteRule: null
		});
		dao.saveCollection(events);
	},
	(db) => {
		const dao = new Dao(db);
		dao.deleteCollection(dao.findCollectionByNameOrId('progress_events'));
	}
);
