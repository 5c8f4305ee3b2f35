/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/sync.js and cohorts.pb.js. Plain JavaScript for goja.
//
// A cohort's activity notice (pb_migrations/1764232200_cohort_activity.js): the one record a
// tutor's dashboard subscribes to. It is saved as a record, through the DAO, because that is
// what makes PocketBase tell realtime subscribers: once per push and cohort, never per event.

/** The cohorts whose dashboards show `user`'s events on these pathways. */
function cohortsOf(dao, user, pathways) {
	const rows = arrayOf(new DynamicModel({ id: '' }));
	dao
		.db()
		.newQuery(
			`SELECT c.id AS id FROM memberships m JOIN cohorts c ON c.id = m.cohort
			 WHERE m.learner = {:user} AND c.pathway IN (SELECT value FROM json_each({:pathways}))`
		)
		.bind({ user, pathways: JSON.stringify(pathways) })
		.all(rows);
	return rows.map((row) => row.id);
}

/**
 * Records that `cohort` changed: its learners' events reached `seq`, or (`roster`) something
 * only a whole read shows: someone joined or left, or a badge was issued or revoked
 * (lib/badges.js). Inside a transaction, subscribers hear of it once it commits.
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
	if (change.seq) record.set('seq', Math.max(record.getInt('seq'), change.seq));
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

module.exports = { cohortsOf, touch, rosterOf };
