/// <reference path="../pb_data/types.d.ts" />

// What each learner's events add up to on each lesson (pb_hooks/lib/tallies.js): kept up to
// date by the push, in the push's transaction, so that a tutor's dashboard reads one row per
// learner × lesson instead of adding up every event of the cohort at each open. A plain table,
// not a collection: no API rule can expose it, and only the hooks write it.
// No foreign key to users: PocketBase rebuilds a collection's table on some schema changes,
// and a cascade would then empty this one. A learner's rows go with their events instead.
// The events already stored (an older data dir, or a backup from before this table) are
// counted here, before the server takes a push, by the rule as tallies.js had it when this
// migration was written (tests/integration/lesson-tallies.test.ts checks the two agree).
migrate(
	(db) => {
		db.newQuery(
			`CREATE TABLE _clyde_lesson_tallies (
				user TEXT NOT NULL,
				pathway TEXT NOT NULL,
				lesson TEXT NOT NULL,
				opened INTEGER NOT NULL,
				completed INTEGER NOT NULL,
				passed INTEGER NOT NULL,
				fails INTEGER NOT NULL,
				best REAL,
				done TEXT,
				active TEXT NOT NULL,
				PRIMARY KEY (user, pathway, lesson)
			) WITHOUT ROWID`
		).execute();
		const passed = "IFNULL(json_extract(e.data, '$.passed'), 0) = 1";
		db.newQuery(
			`INSERT INTO _clyde_lesson_tallies
			   (user, pathway, lesson, opened, completed, passed, fails, best, done, active)
			 SELECT e.user, e.pathway, e.lesson,
			        MAX(e.type = 'lesson_opened'),
			        MAX(e.type = 'lesson_completed'),
			        MAX(e.type = 'quiz_completed' AND ${passed}),
			        SUM(e.type = 'quiz_completed' AND NOT ${passed}),
			        MAX(CASE WHEN e.type = 'quiz_completed' THEN
			              CASE WHEN json_extract(e.data, '$.total') > 0
			                   THEN IFNULL(json_extract(e.data, '$.correct'), 0) * 1.0
			                        / json_extract(e.data, '$.total')
			                   ELSE 0 END END),
			        MIN(CASE WHEN e.type = 'lesson_completed'
			                   OR (e.type = 'quiz_completed' AND ${passed}) THEN e.at END),
			        MAX(min(e.at, replace(e.created, ' ', 'T')))
			 FROM progress_events e
			 WHERE e.type != 'quiz_answered'
			 GROUP BY e.user, e.pathway, e.lesson`
		).execute();
	},
	(db) => {
		db.newQuery('DROP TABLE _clyde_lesson_tallies').execute();
	}
);
