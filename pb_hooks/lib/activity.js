/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/sync.js and cohorts.pb.js. Plain JavaScript for goja.
//
// A cohort's activity notice (pb_migrations/1764232200_cohort_activity.js): the one record a
// tutor's dashboard subscribes to. It is saved as a record, through the DAO, because that is
// what makes PocketBase tell realtime subscribers: once per push and cohort, never per event.
// It carries the cells the push changed (pb_migrations/1764234200_cohort_activity_cells.js),
// so an open dashboard reads nothing after a push: what a push costs stays the same however
// many dashboards are open.

/**
 * At most this many cells ride on a notice (one learner's push touches one cell per lesson:
 * about 100 bytes each); a push that touched more sends none and its dashboards read ?after=.
 */
const MAX_CELLS = 200;

/** The cohorts whose dashboards show `user`'s events on these pathways, with their pathway. */
function cohortsOf(dao, user, pathways) {
	const rows = arrayOf(new DynamicModel({ id: '', pathway: '' }));
	dao
		.db()
		.newQuery(
			`SELECT c.id AS id, c.pathway AS pathway FROM memberships m JOIN cohorts c ON c.id = m.cohort
			 WHERE m.learner = {:user} AND c.pathway IN (SELECT value FROM json_each({:pathways}))`
		)
		.bind({ user, pathways: JSON.stringify(pathways) })
		.all(rows);
	return rows.map((row) => ({ id: row.id, pathway: row.pathway }));
}

/**
 * The cells of `user` on `pathway` that the events with seq in (after, last] touched, whole as
 * the lesson tallies hold them after the push (lib/tallies.js), as JSON text made by SQLite in
 * the shape of the dashboard's read (lib/dashboard.js: `flags` opened 1 + completed 2 + quiz
 * passed 4, `best` to 4 places) with the learner's id and the cell's latest activity; or null
 * when there are more than MAX_CELLS.
 */
function cellsOf(db, user, pathway, after, last) {
	const row = new DynamicModel({ count: 0, cells: '' });
	db.newQuery(
		`SELECT COUNT(*) AS count, json_group_array(json_object(
		          'learner', t.user, 'lesson', t.lesson,
		          'flags', t.opened + 2 * t.completed + 4 * t.passed, 'fails', t.fails,
		          'best', round(t.best, 4), 'done', t.done, 'active', t.active,
		          'exercises', json(t.exercises))) AS cells
		 FROM _clyde_lesson_tallies t
		 WHERE t.user = {:user} AND t.pathway = {:pathway} AND t.lesson IN (
		   SELECT e.lesson FROM progress_events e
		   WHERE e.seq > {:after} AND e.seq <= {:last} AND e.pathway = {:pathway}
		     AND e.type != 'quiz_answered')`
	)
		.bind({ user, pathway, after, last })
		.one(row);
	return row.count > MAX_CELLS ? null : row.cells;
}

/**
 * Records that `cohort` changed: its learners' events reached `seq`, with `cells` (JSON text
 * from cellsOf, or null) what they changed; or (`roster`) something only a whole read shows:
 * someone joined or left, or a badge was issued or revoked (lib/badges.js). `previous` is the
 * seq before, so a dashboard knows whether it missed a notice. Inside a transaction,
 * subscribers hear of it once it commits.
 */
function touch(dao, cohort, change) {
	let record;
	try {
		record = dao.findRecordById('cohort_activity', cohort);
	} catch {
		record = new Record(dao.findCollectionByNameOrId('cohort_activity'));
		record.set('id', cohort);
		record.set('cohort', cohort);
	}
	const seq = record.getInt('seq');
	record.set('previous', seq);
	record.set('cells', change.seq && change.cells ? change.cells : null);
	if (change.seq) record.set('seq', Math.max(seq, change.seq));
	if (change.roster) record.set('roster', record.getInt('roster') + 1);
	dao.saveRecord(record);
}

/** The notice's roster count (0 before the first join), read before the cohort's members. */
function rosterOf(dao, cohort) {
	try {
		return dao.findRecordById('cohort_activity', cohort).getInt('roster');
	} catch {
		return 0;
	}
}

module.exports = { MAX_CELLS, cohortsOf, cellsOf, touch, rosterOf };
