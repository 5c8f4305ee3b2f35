/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js. Plain JavaScript for PocketBase's goja engine.
//
// The tutor's dashboard reads (docs/tutors.md, "How the dashboard stays live"):
// - `whole`: per learner × lesson, what the events add up to, computed by SQLite and sent as
//   columns (a few hundred KB for 500 learners × 60 lessons, not megabytes of raw events), with
//   the cursor it is exact up to;
// - `since`: the events after a cursor, which the dashboard folds into what it has, after a
//   cohort's activity notice (lib/activity.js) says there are some.
// Both read only the cohort's members' events on its pathway, without single quiz answers.

/** The newest seq stored: every event up to it has committed (seq is given in commit order). */
function newestSeq(dao) {
	const row = new DynamicModel({ seq: 0 });
	dao.db().newQuery('SELECT IFNULL(MAX(seq), 0) AS seq FROM progress_events').one(row);
	return row.seq;
}

/**
 * The lesson rule of src/lib/tutor/cell-state.ts, in SQL: a lesson is done when it was
 * completed or its quiz passed; `done` is the earliest such event's device time. `flags` packs
 * opened (1), completed (2) and passed (4); `fails` counts failed attempts, `best` the best
 * score (0–1, 4 places). `active` is the learner's latest event time, each taken as the
 * earlier of the device's clock and the server's receipt. tests/integration/dashboard-rule.test.ts
 * feeds the same events to both and checks that they agree.
 */
const WHOLE = `
WITH members AS MATERIALIZED (
	SELECT u.id AS id, m.id AS membership, u.name AS name, u.email AS email, m.created AS joined,
	       ROW_NUMBER() OVER (ORDER BY u.name, u.id) - 1 AS i
	FROM memberships m JOIN users u ON u.id = m.learner
	WHERE m.cohort = {:cohort}
),
facts AS MATERIALIZED (
	SELECT b.i AS learner, e.lesson AS lesson, e.type AS type, e.at AS at,
	       min(e.at, replace(e.created, ' ', 'T')) AS active,
	       CASE WHEN e.type = 'quiz_completed'
	            THEN IFNULL(json_extract(e.data, '$.passed'), 0) END AS passed,
	       CASE WHEN e.type = 'quiz_completed' THEN
	            CASE WHEN json_extract(e.data, '$.total') > 0
	                 THEN IFNULL(json_extract(e.data, '$.correct'), 0) * 1.0
	                      / json_extract(e.data, '$.total')
	                 ELSE 0 END END AS score
	FROM members b JOIN progress_events e ON e.user = b.id
	WHERE e.pathway = {:pathway} AND e.type != 'quiz_answered' AND e.seq <= {:cursor}
),
cells AS MATERIALIZED (
	SELECT learner, lesson,
	       MAX(type = 'lesson_opened') + 2 * MAX(type = 'lesson_completed')
	         + 4 * MAX(IFNULL(passed, 0) = 1) AS flags,
	       SUM(passed = 0) AS fails,
	       round(MAX(score), 4) AS best,
	       MIN(CASE WHEN type = 'lesson_completed' OR passed = 1 THEN at END) AS done,
	       MAX(active) AS active
	FROM facts GROUP BY learner, lesson
),
lessons AS MATERIALIZED (
	SELECT lesson, ROW_NUMBER() OVER (ORDER BY lesson) - 1 AS k FROM (SELECT DISTINCT lesson FROM cells)
),
actives AS (SELECT learner, MAX(active) AS active FROM cells GROUP BY learner)
SELECT
	(SELECT json_group_array(json_object(
	          'id', b.id, 'membership', b.membership, 'name', b.name, 'email', b.email,
	          'joined', replace(b.joined, ' ', 'T'), 'active', a.active) ORDER BY b.i)
	 FROM members b LEFT JOIN actives a ON a.learner = b.i) AS learners,
	(SELECT json_group_array(lesson ORDER BY k) FROM lessons) AS lessons,
	(SELECT json_object(
	          'learner', json_group_array(learner), 'lesson', json_group_array(k),
	          'flags', json_group_array(flags), 'fails', json_group_array(fails),
	          'best', json_group_array(best), 'done', json_group_array(done))
	 FROM (SELECT c.learner AS learner, l.k AS k, c.flags AS flags, c.fails AS fails,
	              c.best AS best, c.done AS done
	       FROM cells c JOIN lessons l ON l.lesson = c.lesson ORDER BY c.learner, l.k)) AS cells`;

/**
 * The whole cohort as the dashboard opens it, as JSON text (SQLite writes the big parts, so no
 * object per learner or cell is made here): the cohort, its `roster` count and `cursor`, its
 * learners (sorted by name) and, as parallel arrays, one entry per learner × lesson touched.
 */
function whole(dao, cohort) {
	const activity = require(`${__hooks}/lib/activity.js`);
	// The roster count first: a join after it makes a notice that loads the cohort again.
	const roster = activity.rosterOf(dao, cohort.id);
	const cursor = newestSeq(dao);
	const row = new DynamicModel({ learners: '', lessons: '', cells: '' });
	dao
		.db()
		.newQuery(WHOLE)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway'), cursor })
		.one(row);
	const head = JSON.stringify({ cohort: describe(cohort), roster, cursor });
	return `${head.slice(0, -1)},"learners":${row.learners},"lessons":${row.lessons},"cells":${row.cells}}`;
}

/** The cohort as its tutor sees it. */
function describe(cohort) {
	return {
		id: cohort.id,
		name: cohort.getString('name'),
		pathway: cohort.getString('pathway'),
		join_code: cohort.getString('join_code'),
		quiz_fails: cohort.getInt('quiz_fails'),
		quiet_days: cohort.getInt('quiet_days'),
		behind_lessons: cohort.getInt('behind_lessons')
	};
}

const PAGE = 1000;

/**
 * The cohort's events with seq > `after`, oldest first, at most PAGE of them; `cursor` is where
 * the next read starts, and `more` says whether it should come at once.
 */
function since(dao, cohort, after) {
	const events = require(`${__hooks}/lib/events.js`);
	const newest = newestSeq(dao);
	const rows = arrayOf(
		new DynamicModel({
			op_id: '',
			user: '',
			type: '',
			lesson: '',
			module: '',
			at: '',
			received: '',
			data: '',
			seq: 0
		})
	);
	dao
		.db()
		.newQuery(
			`SELECT e.op_id AS op_id, e.user AS user, e.type AS type, e.lesson AS lesson,
			        e.module AS module, e.at AS at, e.created AS received, e.data AS data,
			        e.seq AS seq
			 FROM memberships m JOIN progress_events e ON e.user = m.learner
			 WHERE m.cohort = {:cohort} AND e.pathway = {:pathway} AND e.type != 'quiz_answered'
			   AND e.seq > {:after} AND e.seq <= {:newest}
			 ORDER BY e.seq LIMIT {:limit}`
		)
		.bind({
			cohort: cohort.id,
			pathway: cohort.getString('pathway'),
			after,
			newest,
			limit: PAGE + 1
		})
		.all(rows);
	const more = rows.length > PAGE;
	const page = rows.slice(0, PAGE);
	return {
		cursor: more ? page[page.length - 1].seq : newest,
		more,
		events: page.map((row) => events.toTutor(row))
	};
}

module.exports = { whole, since };
