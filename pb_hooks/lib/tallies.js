/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/sync.js and tallies.pb.js. Plain JavaScript for goja.
//
// _clyde_lesson_tallies (pb_migrations/1764232210_lesson_tallies.js): per learner, pathway and
// lesson, what their events add up to for a tutor, as src/lib/tutor/lesson-tally.ts adds them:
// opened, completed, quiz passed, failed attempts, best score, when first finished (a
// lesson_completed, or a quiz_completed with passed = true), the exercises passed (a JSON object:
// exercise id → its first passing exercise_checked, device clock) and the latest activity (each
// event at the earlier of the device's clock and the server's receipt). Single quiz answers count
// for nothing. Whether a cell is done needs the lesson's exercises too: lib/lesson-done.js holds
// that rule for the server, src/lib/progress/lesson-state.ts for the app. tests/integration/dashboard-rule.test.ts checks the two sides agree. The table's
// migration holds a copy of this rule, to count the events stored before it.

const PASSED = "IFNULL(json_extract(e.data, '$.passed'), 0) = 1";

/** `objects` (SQL yielding JSON objects of id → time) as one object, each id at its earliest. */
function earliest(objects) {
	return `(SELECT json_group_object(key, at) FROM
	          (SELECT key, MIN(value) AS at FROM (${objects}) GROUP BY key))`;
}

/** The tallies of the events that meet `where` (a condition on `e`), one row per cell. */
function tallyOf(where) {
	return `
		SELECT user, pathway, lesson, opened, completed, passed, fails, best, done, active,
		       ${earliest('SELECT key, value FROM json_each(c.exercises)')} AS exercises
		FROM (${cellsOf(where)}) c
		WHERE true`;
}

/** The cells of the events that meet `where`; an exercise passed twice is in `exercises` twice. */
function cellsOf(where) {
	return `
		SELECT e.user AS user, e.pathway AS pathway, e.lesson AS lesson,
		       MAX(e.type = 'lesson_opened') AS opened,
		       MAX(e.type = 'lesson_completed') AS completed,
		       MAX(e.type = 'quiz_completed' AND ${PASSED}) AS passed,
		       SUM(e.type = 'quiz_completed' AND NOT ${PASSED}) AS fails,
		       MAX(CASE WHEN e.type = 'quiz_completed' THEN
		             CASE WHEN json_extract(e.data, '$.total') > 0
		                  THEN IFNULL(json_extract(e.data, '$.correct'), 0) * 1.0
		                       / json_extract(e.data, '$.total')
		                  ELSE 0 END END) AS best,
		       MIN(CASE WHEN e.type = 'lesson_completed'
		                  OR (e.type = 'quiz_completed' AND ${PASSED}) THEN e.at END) AS done,
		       MAX(min(e.at, replace(e.created, ' ', 'T'))) AS active,
		       json_group_object(json_extract(e.data, '$.exercise'), e.at)
		         FILTER (WHERE e.type = 'exercise_checked' AND ${PASSED}) AS exercises
		FROM progress_events e
		WHERE e.type != 'quiz_answered' AND (${where})
		GROUP BY e.user, e.pathway, e.lesson`;
}

const COLUMNS =
	'user, pathway, lesson, opened, completed, passed, fails, best, done, active, exercises';

/**
 * Adds the events with seq in (after, last] — one push's, just inserted in this transaction —
 * to their cells. Every part only grows (flags, counts, the best score, the latest activity,
 * the exercises passed) or falls (when first finished, each exercise's first pass), so adding
 * is merging.
 */
function add(db, after, last) {
	db.newQuery(
		`INSERT INTO _clyde_lesson_tallies (${COLUMNS})
		 ${tallyOf('e.seq > {:after} AND e.seq <= {:last}')}
		 ON CONFLICT (user, pathway, lesson) DO UPDATE SET
		   opened = max(opened, excluded.opened),
		   completed = max(completed, excluded.completed),
		   passed = max(passed, excluded.passed),
		   fails = fails + excluded.fails,
		   best = CASE WHEN excluded.best IS NULL THEN best WHEN best IS NULL THEN excluded.best
		               ELSE max(best, excluded.best) END,
		   done = CASE WHEN excluded.done IS NULL THEN done WHEN done IS NULL THEN excluded.done
		               ELSE min(done, excluded.done) END,
		   active = max(active, excluded.active),
		   exercises = ${earliest(
					`SELECT key, value FROM json_each(_clyde_lesson_tallies.exercises)
					 UNION ALL SELECT key, value FROM json_each(excluded.exercises)`
				)}`
	)
		.bind({ after, last })
		.execute();
}

/** One cell again from its events, after an event was deleted or changed by an admin. */
function recount(db, user, pathway, lesson) {
	const cell = { user, pathway, lesson };
	db.newQuery(
		`DELETE FROM _clyde_lesson_tallies
		 WHERE user = {:user} AND pathway = {:pathway} AND lesson = {:lesson}`
	)
		.bind(cell)
		.execute();
	db.newQuery(
		`INSERT INTO _clyde_lesson_tallies (${COLUMNS})
		 ${tallyOf('e.user = {:user} AND e.pathway = {:pathway} AND e.lesson = {:lesson}')}`
	)
		.bind(cell)
		.execute();
}

module.exports = { add, recount };
