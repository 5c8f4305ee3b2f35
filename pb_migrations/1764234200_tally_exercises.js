/// <reference path="../pb_data/types.d.ts" />

// "Done" includes passing a lesson's exercises (issue #16): each lesson tally also holds the
// exercises passed, as a JSON object of exercise id → its first passing check (device clock),
// kept up to date by pb_hooks/lib/tallies.js. The events stored before this are counted here.
migrate(
	(db) => {
		db.newQuery(
			"ALTER TABLE _clyde_lesson_tallies ADD COLUMN exercises TEXT NOT NULL DEFAULT '{}'"
		).execute();
		db.newQuery(
			`UPDATE _clyde_lesson_tallies AS t SET exercises = (
			   SELECT json_group_object(x.exercise, x.at) FROM (
			     SELECT json_extract(e.data, '$.exercise') AS exercise, MIN(e.at) AS at
			     FROM progress_events e
			     WHERE e.user = t.user AND e.pathway = t.pathway AND e.lesson = t.lesson
			       AND e.type = 'exercise_checked'
			       AND IFNULL(json_extract(e.data, '$.passed'), 0) = 1
			     GROUP BY 1) x)
			 WHERE EXISTS (SELECT 1 FROM progress_events e
			               WHERE e.user = t.user AND e.pathway = t.pathway AND e.lesson = t.lesson
			                 AND e.type = 'exercise_checked')`
		).execute();
	},
	(db) => {
		db.newQuery('ALTER TABLE _clyde_lesson_tallies DROP COLUMN exercises').execute();
	}
);
