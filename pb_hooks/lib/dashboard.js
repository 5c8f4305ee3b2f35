/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js. Plain JavaScript for PocketBase's goja engine.
//
// The tutor's dashboard reads (docs/tutors.md, "How the dashboard stays live"):
// - `whole`: per learner × lesson, what the events add up to (the lesson tallies, which each
//   push keeps up to date), sent as columns: about 100 KB gzipped for 500 learners × 60
//   lessons, not megabytes of raw events, with the cursor it is exact up to;
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
 * The cohort's learners, sorted by name, and their cells on its pathway from the lesson
 * tallies (lib/tallies.js), as JSON text that SQLite writes: no object per learner or cell is
 * made in JavaScript. `flags` packs opened (1), completed (2) and quiz passed (4); `best` is
 * the best score to 4 places; `exercises` the exercises passed (id → first pass). One statement, so the cursor (the newest seq) and the tallies
 * come from the same snapshot of the database: the tallies hold exactly the events up to it.
 * The cells come in whatever order SQLite's join yields them: each names its learner and lesson,
 * and the app files them by those (src/lib/tutor/cohort-state.ts), so no sort is paid for.
 */
const WHOLE = `
WITH members AS MATERIALIZED (
	SELECT u.id AS id, m.id AS membership, u.name AS name, u.email AS email, m.created AS joined,
	       u.language AS language,
	       ROW_NUMBER() OVER (ORDER BY u.name, u.id) - 1 AS i
	FROM memberships m JOIN users u ON u.id = m.learner
	WHERE m.cohort = {:cohort}
	ORDER BY i
)
SELECT
	(SELECT IFNULL(MAX(seq), 0) FROM progress_events) AS cursor,
	(SELECT json_group_array(json_object(
	          'id', b.id, 'membership', b.membership, 'name', b.name, 'email', b.email,
	          'joined', replace(b.joined, ' ', 'T'), 'language', b.language,
	          'active', (SELECT MAX(t.active) FROM _clyde_lesson_tallies t
	                     WHERE t.user = b.id AND t.pathway = {:pathway})) ORDER BY b.i)
	 FROM members b) AS learners,
	(SELECT json_object(
	          'learner', json_group_array(b.i), 'lesson', json_group_array(t.lesson),
	          'flags', json_group_array(t.opened + 2 * t.completed + 4 * t.passed),
	          'fails', json_group_array(t.fails), 'best', json_group_array(round(t.best, 4)),
	          'done', json_group_array(t.done),
	          'exercises', json_group_array(json(t.exercises)))
	 FROM members b JOIN _clyde_lesson_tallies t ON t.user = b.id AND t.pathway = {:pathway})
	 AS cells`;

/**
 * The whole cohort as the dashboard opens it, as JSON text: the cohort, its `roster` count and
 * `cursor`, its learners and, as parallel arrays, one entry per learner × lesson touched (the
 * learner as an index into `learners`, the lesson by its id).
 */
function whole(dao, cohort) {
	const activity = require(`${__hooks}/lib/activity.js`);
	// The roster count first: a join after it makes a notice that loads the cohort again.
	const roster = activity.rosterOf(dao, cohort.id);
	const row = new DynamicModel({ cursor: 0, learners: '', cells: '' });
	dao
		.db()
		.newQuery(WHOLE)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway') })
		.one(row);
	const head = JSON.stringify({
		cohort: describe(cohort),
		roster,
		cursor: row.cursor,
		badges: badgesOf(dao, cohort)
	});
	return `${head.slice(0, -1)},"learners":${row.learners},"cells":${row.cells}}`;
}

/**
 * The badges the cohort's learners hold for its pathway (pb_hooks/lib/badges.js), revoked too,
 * with the id the tutor's revoke button sends and the reason the verifier shows.
 */
function badgesOf(dao, cohort) {
	const events = require(`${__hooks}/lib/events.js`);
	const badges = arrayOf(
		new DynamicModel({ id: '', user: '', issued: '', revoked: '', reason: '' })
	);
	dao
		.db()
		.newQuery(
			`SELECT b.id AS id, b.user AS user, b.issued AS issued, b.revoked AS revoked,
			        b.revoked_reason AS reason
			 FROM memberships m JOIN badges b ON b.user = m.learner
			 WHERE m.cohort = {:cohort} AND b.pathway = {:pathway}`
		)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway') })
		.all(badges);
	return badges.map((b) => ({
		id: b.id,
		user: b.user,
		issued: events.isoDate(b.issued),
		revoked: events.isoDate(b.revoked),
		reason: b.reason
	}));
}

/** The cohort as its tutor sees it. */
function describe(cohort) {
	return {
		id: cohort.id,
		name: cohort.getString('name'),
		pathway: cohort.getString('pathway'),
		join_code: cohort.getString('join_code'),
		quiz_fails: cohort.getInt('quiz_fails'),
		quiz_low_score: cohort.getInt('quiz_low_score'),
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
	// The members first, then each one's events after the cursor by (user, seq): CROSS JOIN
	// keeps that order and `+` keeps SQLite off the pathway index, which it otherwise picks and
	// which walks every event of the pathway on each read. With 200 dashboards reading after
	// every push of a 60,000-event burst, those scans held the server for minutes.
	dao
		.db()
		.newQuery(
			`SELECT e.op_id AS op_id, e.user AS user, e.type AS type, e.lesson AS lesson,
			        e.module AS module, e.at AS at, e.created AS received, e.data AS data,
			        e.seq AS seq
			 FROM memberships m CROSS JOIN progress_events e ON e.user = m.learner
			 WHERE m.cohort = {:cohort} AND +e.pathway = {:pathway} AND e.type != 'quiz_answered'
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
