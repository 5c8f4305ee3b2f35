/// <reference path="../pb_data/types.d.ts" />

// Exercises of lessons (docs/exercises.md): published as data beside the quiz, [{id, title,
// instructionsHtml, starter, checks, hints, solution}], checked by the publish route
// (pb_hooks/lib/publish.js). Learners' code never comes here: drafts stay on the phone.
migrate(
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.addField(
			new SchemaField({
				name: 'exercises',
				type: 'json',
				required: false,
				options: { maxSize: 400000 }
			})
		);
		dao.saveCollection(lessons);
	},
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.removeField(lessons.schema.getFieldByName('exercises').id);
		dao.saveCollection(lessons);
	}
);
