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
 * What a cohort's answer shows besides the events, as one string: the roster count of its
 * activity notice (moved by every join, leave and badge issued or revoked: lib/activity.js),
 * the cohort record's `updated` (name, join code, thresholds), and its members' count and
 * their memberships' and accounts' latest `updated` (a new name).
 */
const KEY = `
	IFNULL((SELECT roster FROM cohort_activity WHERE id = {:cohort}), '')
	|| '|' || IFNULL((SELECT updated FROM cohorts WHERE id = {:cohort}), '')
	|| '|' || (SELECT COUNT(*) || '/' || IFNULL(MAX(max(u.updated, m.updated)), '')
	           FROM memberships m JOIN users u ON u.id = m.learner WHERE m.cohort = {:cohort})`;

/** The learners whose cells events in (after, cursor] changed (a push reached them). */
const CHANGED = `changed AS MATERIALIZED (
	SELECT DISTINCT e.user AS id FROM progress_events e
	WHERE e.seq > {:after} AND e.seq <= (SELECT cursor FROM head)
	  AND e.pathway = {:pathway} AND e.type != 'quiz_answered'
	  AND e.user IN (SELECT id FROM members)),`;

/**
 * One row per learner (all of them, or with `changed` only those a push reached since a
 * cursor), numbered by name as the answer lists them: their entry in `learners` and their
 * cells on the pathway from the lesson tallies (lib/tallies.js) as pieces of the answer's
 * columns, comma-joined JSON values that SQLite writes, so no object per cell is made in
 * JavaScript. `flags` packs opened (1), completed (2) and quiz passed (4); `best` is the best
 * score to 4 places; `exercises` the exercises passed (id → first pass). One statement, so the
 * cursor (the newest seq), the key and the tallies come from one snapshot of the database: the
 * tallies hold exactly the events up to the cursor. With no learner to send, one row of the
 * cursor and key alone.
 *
 * The cells are joined to their learner and grouped once (a second join of the grouped cells
 * to the learners scanned them once per learner), and written as JSON by plain SQL where a
 * column is JSON already: a lesson is a content id (lib/events.js), `fails` a whole number, a
 * real's text a JSON number, `exercises` stored minified (json_group_object, lib/tallies.js).
 * json_quote() and json() on each of 9,373 cells were half of the statement's time for 500
 * learners. FILTER keeps a learner with no cells at '' rather than one 'null'.
 */
function rowsQuery(changed) {
	return `
WITH head AS MATERIALIZED (
	SELECT (SELECT IFNULL(MAX(seq), 0) FROM progress_events) AS cursor, ${KEY} AS key
),
members AS MATERIALIZED (
	SELECT u.id AS id, m.id AS membership, u.name AS name, u.email AS email, m.created AS joined,
	       u.language AS language,
	       ROW_NUMBER() OVER (ORDER BY u.name, u.id) - 1 AS i
	FROM memberships m JOIN users u ON u.id = m.learner
	WHERE m.cohort = {:cohort}
),
${changed ? CHANGED : ''}
chosen AS MATERIALIZED (
	SELECT * FROM members ${changed ? 'WHERE id IN (SELECT id FROM changed)' : ''}
)
SELECT head.cursor AS cursor, head.key AS key, IFNULL(r.id, '') AS id, IFNULL(r.i, -1) AS i,
       IFNULL(r.learner, '') AS learner, IFNULL(r.n, 0) AS n, IFNULL(r.lesson, '') AS lesson,
       IFNULL(r.flags, '') AS flags, IFNULL(r.fails, '') AS fails, IFNULL(r.best, '') AS best,
       IFNULL(r.done, '') AS done, IFNULL(r.exercises, '') AS exercises
FROM head LEFT JOIN (
	SELECT b.id AS id, b.i AS i,
	       json_object('id', b.id, 'membership', b.membership, 'name', b.name, 'email', b.email,
	                   'joined', replace(b.joined, ' ', 'T'), 'language', b.language,
	                   'active', MAX(t.active)) AS learner,
	       COUNT(t.lesson) AS n,
	       group_concat('"' || t.lesson || '"') AS lesson,
	       group_concat(t.opened + 2 * t.completed + 4 * t.passed) AS flags,
	       group_concat(t.fails) AS fails,
	       group_concat(IFNULL(round(t.best, 4), 'null')) FILTER (WHERE t.lesson IS NOT NULL) AS best,
	       group_concat(json_quote(t.done)) FILTER (WHERE t.lesson IS NOT NULL) AS done,
	       group_concat(t.exercises) AS exercises
	FROM chosen b LEFT JOIN _clyde_lesson_tallies t ON t.user = b.id AND t.pathway = {:pathway}
	GROUP BY b.i
) r ON true
ORDER BY r.i`;
}

const BUILD = rowsQuery(false);
const PATCH = rowsQuery(true);

/** A learner's row as the answer is assembled from it: see rowsQuery. */
const PARTS = ['learner', 'n', 'lesson', 'flags', 'fails', 'best', 'done', 'exercises'];

/**
 * The learners' rows: every learner (`after` null), or only those with events in
 * (after, cursor]; with the cursor and key they are exact for, and each row as an array in the
 * order of PARTS, with the learner's id and index beside.
 */
function rowsOf(dao, cohort, after) {
	const rows = arrayOf(
		new DynamicModel({
			cursor: 0,
			key: '',
			id: '',
			i: 0,
			learner: '',
			n: 0,
			lesson: '',
			flags: '',
			fails: '',
			best: '',
			done: '',
			exercises: ''
		})
	);
	dao
		.db()
		.newQuery(after === null ? BUILD : PATCH)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway'), after: after ?? 0 })
		.all(rows);
	const first = rows[0];
	return {
		cursor: first.cursor,
		key: first.key,
		learners: rows
			.filter((row) => row.id !== '')
			.map((row) => ({ id: row.id, i: row.i, parts: PARTS.map((part) => row[part]) }))
	};
}

/**
 * The cohort's whole answer, in parts a push can update: `head` (the cohort and its `roster`
 * count) before the cursor, `badges` after it, and a row per learner (rowsOf); `key` and
 * `cursor` what they are exact for.
 */
function build(dao, cohort) {
	const activity = require(`${__hooks}/lib/activity.js`);
	// The roster count first: a join after it makes a notice that loads the cohort again.
	const roster = activity.rosterOf(dao, cohort.id);
	const read = rowsOf(dao, cohort, null);
	const head = JSON.stringify({ cohort: describe(cohort), roster });
	return {
		key: read.key,
		cursor: read.cursor,
		head: head.slice(0, -1),
		badges: JSON.stringify(badgesOf(dao, cohort)),
		ids: read.learners.map((learner) => learner.id),
		rows: read.learners.map((learner) => learner.parts)
	};
}

/**
 * The learners' and cells' part of the answer from the rows: `learners` in order, then the
 * cells as parallel columns, one entry per learner × lesson touched (the learner as an index
 * into `learners`, the lesson by its id), in the learners' order.
 */
function tailOf(rows) {
	const learners = [];
	const columns = PARTS.slice(1).map(() => []);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i];
		learners.push(row[0]);
		const n = row[1];
		if (n === 0) continue;
		columns[0].push(new Array(n).fill(i).join(','));
		for (let c = 2; c < PARTS.length; c++) columns[c - 1].push(row[c]);
	}
	// columns[0] holds the learner indices, in the place of the counts.
	const names = ['learner'].concat(PARTS.slice(2));
	const cells = names.map((name, c) => `"${name}":[${columns[c].join(',')}]`);
	return `"learners":[${learners.join(',')}],"cells":{${cells.join(',')}}}`;
}

/**
 * The whole cohort as the dashboard opens it, as JSON text: the cohort, its `roster` count and
 * `cursor`, its badges, its learners and, as parallel arrays, one entry per learner × lesson
 * touched.
 */
function answerOf(parts, tail) {
	return `${parts.head},"cursor":${parts.cursor},"badges":${parts.badges},${tail}`;
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

module.exports = { build, rowsOf, tailOf, answerOf, since };
