/// <reference path="../pb_data/types.d.ts" />

// A fourth needs-help threshold per cohort: flag a quiz after two failed attempts when none
// reached this percentage (docs/tutors.md). Filled by the server like the others
// (pb_hooks/lib/cohorts.js); cohorts made before it get the default, 50.
migrate(
	(db) => {
		const dao = new Dao(db);
		const cohorts = dao.findCollectionByNameOrId('cohorts');
		cohorts.schema.addField(
			new SchemaField({
				name: 'quiz_low_score',
				type: 'number',
				required: false,
				options: { min: 1, max: 100, noDecimal: true }
			})
		);
		dao.saveCollection(cohorts);
		db.newQuery(
			'UPDATE cohorts SET quiz_low_score = 50 WHERE quiz_low_score IS NULL OR quiz_low_score = 0'
		).execute();
	},
	(db) => {
		const dao = new Dao(db);
		const cohorts = dao.findCollectionByNameOrId('cohorts');
		cohorts.schema.removeField(cohorts.schema.getFieldByName('quiz_low_score').id);
		dao.saveCollection(cohorts);
	}
);
