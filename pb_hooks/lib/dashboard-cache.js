/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js and tallies.pb.js. Plain JavaScript for goja.
//
// The tutor's whole dashboard read (lib/dashboard.js), kept per cohort in $app.store(): one map
// for the whole server, so every JS VM of the hooks' pool shares it (a module's own variables
// are per VM). The read costs about 90 ms of server CPU for 500 learners; a kept answer costs
// one small query. An answer is kept under a key that moves whenever anything it shows may
// have changed, so a stale one is never sent:
// - the cohort's activity notice (seq and roster: lib/activity.js), which every push that adds
//   to its learners' tallies, every join or leave and every badge issued or revoked moves;
// - the cohort record's `updated` (name, join code, thresholds);
// - its members' count and their accounts' and memberships' latest `updated` (a new name);
// - a generation, moved when an admin's change to stored events recounts tallies
//   (tallies.pb.js), which no notice marks.
// The key is read before the answer is built: a change committed between the two leaves a newer
// answer under the older key, which no later read asks for.

const PREFIX = 'clyde.dashboard.';
const GENERATION = 'clyde.dashboard-generation';

/** What the cohort's answer depends on, as one string (one statement, so one snapshot). */
function keyOf(dao, cohort) {
	const row = new DynamicModel({ notice: '', members: '' });
	dao
		.db()
		.newQuery(
			`SELECT
			   IFNULL((SELECT seq || '/' || roster FROM cohort_activity WHERE id = {:cohort}), '') AS notice,
			   (SELECT COUNT(*) || '/' || IFNULL(MAX(max(u.updated, m.updated)), '')
			    FROM memberships m JOIN users u ON u.id = m.learner
			    WHERE m.cohort = {:cohort}) AS members`
		)
		.bind({ cohort: cohort.id })
		.one(row);
	const generation = $app.store().get(GENERATION) || 0;
	return `${row.notice}|${cohort.getString('updated')}|${row.members}|${generation}`;
}

/**
 * The cohort's whole answer (JSON text) and whether it was kept: the kept one when its key still
 * holds, else `build()`'s, kept for the next read.
 */
function whole(dao, cohort, build) {
	const store = $app.store();
	const key = keyOf(dao, cohort);
	const kept = store.get(PREFIX + cohort.id);
	if (kept && kept.key === key) return { body: kept.body, kept: true };
	const body = build();
	store.set(PREFIX + cohort.id, { key, body });
	return { body, kept: false };
}

/** Every kept answer stops counting (an admin changed stored events). */
function forgetAll() {
	const store = $app.store();
	store.set(GENERATION, (store.get(GENERATION) || 0) + 1);
}

module.exports = { whole, forgetAll };
