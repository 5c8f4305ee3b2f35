/// <reference path="../pb_data/types.d.ts" />

// Every publish, recorded by the publish route in the publish's own transaction: who, when,
// what changed, and the whole content set as published (`snapshot`: the publish payload with
// each picture named by its hash only, since pictures are content-addressed and never deleted,
// pb_migrations/1764232100_media.js). An earlier publish can be published again from it
// (POST /api/clyde/content/restore), which is itself recorded, with `restored_from`.
// Editors (and admins) read them; only the routes write.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const rule = '@request.auth.role = "editor"';
		dao.saveCollection(
			new Collection({
				name: 'publishes',
				type: 'base',
				schema: [
					{ name: 'seq', type: 'number', required: true, options: { min: 1, noDecimal: true } },
					{
						name: 'author',
						type: 'relation',
						required: false,
						options: { collectionId: users.id, cascadeDelete: false, maxSelect: 1 }
					},
					{
						name: 'author_name',
						type: 'text',
						required: false,
						options: { min: null, max: 120, pattern: '' }
					},
					{ name: 'changes', type: 'json', required: false, options: { maxSize: 2000000 } },
					// The publish route takes up to 32 MiB; without pictures' data a set is far less.
					{ name: 'snapshot', type: 'json', required: true, options: { maxSize: 33554432 } },
					{
						name: 'restored_from',
						type: 'text',
						required: false,
						options: { min: null, max: 15, pattern: '' }
					}
				],
				indexes: ['CREATE INDEX idx_publishes_seq ON publishes (seq)'],
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
		dao.deleteCollection(dao.findCollectionByNameOrId('publishes'));
	}
);
