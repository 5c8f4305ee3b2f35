/// <reference path="../pb_data/types.d.ts" />

// The language a learner chose for Clyde's screens (src/lib/i18n/locales.ts), sent by the app
// when it syncs (src/lib/sync/push-language.ts), so that their tutor knows which language they
// study in. The users rules already keep a record to its owner; tutors read it through the
// cohort dashboard (pb_hooks/lib/dashboard.js), for their own cohorts' learners only. A new
// interface language is added to `values` here too.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.addField(
			new SchemaField({
				name: 'language',
				type: 'select',
				required: false,
				options: { maxSelect: 1, values: ['en', 'pl', 'ur', 'ar'] }
			})
		);
		dao.saveCollection(users);
	},
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.removeField(users.schema.getFieldByName('language').id);
		dao.saveCollection(users);
	}
);
