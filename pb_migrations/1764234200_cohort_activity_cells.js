/// <reference path="../pb_data/types.d.ts" />

// What a push changed, carried by the cohort's activity notice (pb_hooks/lib/activity.js), so
// an open dashboard applies it without reading anything (docs/tutors.md):
// - previous: the notice's seq before this change; a dashboard whose cursor is at least this
//   has missed nothing of the cohort, and the cells bring it up to `seq`;
// - cells: the cells the push touched, each whole as the lesson tallies now hold it, or null
//   when there were too many to send (the dashboard then reads ?after= as before).
// The view and list rules stay the cohort's tutor's: the cells reach no one else.
migrate(
	(db) => {
		const dao = new Dao(db);
		const activity = dao.findCollectionByNameOrId('cohort_activity');
		activity.schema.addField(
			new SchemaField({
				name: 'previous',
				type: 'number',
				required: false,
				options: { min: 0, max: null, noDecimal: true }
			})
		);
		activity.schema.addField(
			new SchemaField({ name: 'cells', type: 'json', required: false, options: { maxSize: 40000 } })
		);
		dao.saveCollection(activity);
	},
	(db) => {
		const dao = new Dao(db);
		const activity = dao.findCollectionByNameOrId('cohort_activity');
		for (const name of ['previous', 'cells']) {
			activity.schema.removeField(activity.schema.getFieldByName(name).id);
		}
		dao.saveCollection(activity);
	}
);
