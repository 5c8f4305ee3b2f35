/// <reference path="../pb_data/types.d.ts" />

// exercise_checked: a learner pressed Check on an exercise (docs/exercises.md). Its detail
// ({exercise, passed, failed}) goes in `data` like a quiz's; the learner's code never does.
const BEFORE = ['lesson_opened', 'lesson_completed', 'quiz_answered', 'quiz_completed'];

migrate(
	(db) => {
		const dao = new Dao(db);
		const events = dao.findCollectionByNameOrId('progress_events');
		events.schema.getFieldByName('type').options.values = BEFORE.concat(['exercise_checked']);
		dao.saveCollection(events);
	},
	(db) => {
		const dao = new Dao(db);
		const events = dao.findCollectionByNameOrId('progress_events');
		events.schema.getFieldByName('type').options.values = BEFORE;
		dao.saveCollection(events);
	}
);
