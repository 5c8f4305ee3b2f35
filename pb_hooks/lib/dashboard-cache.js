/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js and tallies.pb.js. Plain JavaScript for goja.
//
// The tutor's whole dashboard read (lib/dashboard.js), kept per cohort in $app.store(): one map
// for the whole server, so every JS VM of the hooks' pool shares it (a module's own variables
// are per VM). Building the answer costs about 90 ms of server CPU for 500 learners; a kept one
// is brought up to date instead:
// - unchanged: nothing but the cursor moved (pushes to other cohorts); sent with the new cursor;
// - patched: pushes reached some of its learners since its cursor; their rows alone are read
//   again (the push needs no hook of its own: the events since the cursor say who changed);
// - built: anything else it shows changed (its key: a join, leave or badge, the cohort's name,
//   code or thresholds, a learner's name), or an admin changed stored events (a generation,
//   moved by tallies.pb.js, which no key marks), or nothing was kept.
// The key, the cursor and the rows come from one SQL statement, so a patched answer is exactly
// what a build at that moment would send (tests/integration/dashboard-cache.test.ts).

const PREFIX = 'clyde.dashboard.';
const GENERATION = 'clyde.dashboard-generation';
/** The cohorts kept, most recently read first (bounds the store: see keep). */
const INDEX = 'clyde.dashboard-index';
/**
 * At most this many cohorts' answers are kept: a 500-learner answer takes about 1.5 MB of
 * memory, a class of 30 about 80 KB.
 */
const MAX_KEPT = 40;

/**
 * The cohort's whole answer (JSON text) and how it was made: 'kept', 'patched' or 'built'.
 * Access to the cohort is checked before (cohorts.pb.js).
 */
function whole(dao, cohort) {
	const dashboard = require(`${__hooks}/lib/dashboard.js`);
	const store = $app.store();
	const generation = store.get(GENERATION) || 0;
	const kept = store.get(PREFIX + cohort.id);
	if (kept && kept.generation === generation) {
		const patched = patch(dashboard, dao, cohort, kept);
		if (patched) return patched;
	}
	const parts = dashboard.build(dao, cohort);
	parts.generation = generation;
	parts.tail = dashboard.tailOf(parts.rows);
	keep(cohort.id, parts);
	return { body: dashboard.answerOf(parts, parts.tail), sent: 'built' };
}

/** The kept answer brought up to date, or null when only a build will do. */
function patch(dashboard, dao, cohort, kept) {
	const read = dashboard.rowsOf(dao, cohort, kept.cursor);
	if (read.key !== kept.key) return null;
	if (read.learners.length === 0) {
		const parts = moved(kept, read.cursor, kept.rows, kept.tail);
		if (read.cursor !== kept.cursor) keep(cohort.id, parts);
		return { body: dashboard.answerOf(parts, parts.tail), sent: 'kept' };
	}
	// A copy: the kept rows are shared with reads in other VMs.
	const rows = Array.prototype.slice.call(kept.rows);
	for (const learner of read.learners) {
		if (kept.ids[learner.i] !== learner.id) return null;
		rows[learner.i] = learner.parts;
	}
	const parts = moved(kept, read.cursor, rows, dashboard.tailOf(rows));
	keep(cohort.id, parts);
	return { body: dashboard.answerOf(parts, parts.tail), sent: 'patched' };
}

/** The kept parts at a later cursor, with these rows. */
function moved(kept, cursor, rows, tail) {
	return {
		key: kept.key,
		generation: kept.generation,
		head: kept.head,
		badges: kept.badges,
		ids: kept.ids,
		cursor,
		rows,
		tail
	};
}

/**
 * Keeps a cohort's answer, and forgets the least recently kept beyond MAX_KEPT. The index is
 * read and written without a lock: two reads at once may drop each other's entry from it, which
 * only means that cohort's answer is not evicted until it is kept again.
 */
function keep(cohort, parts) {
	const store = $app.store();
	store.set(PREFIX + cohort, parts);
	const index = [cohort].concat((store.get(INDEX) || []).filter((id) => id !== cohort));
	for (const id of index.splice(MAX_KEPT)) store.remove(PREFIX + id);
	store.set(INDEX, index);
}

/** The cohort's kept answer goes (the cohort was deleted). */
function forget(cohort) {
	const store = $app.store();
	store.remove(PREFIX + cohort);
	store.set(
		INDEX,
		(store.get(INDEX) || []).filter((id) => id !== cohort)
	);
}

/** Every kept answer stops counting (an admin changed stored events). */
function forgetAll() {
	const store = $app.store();
	store.set(GENERATION, (store.get(GENERATION) || 0) + 1);
}

module.exports = { MAX_KEPT, whole, forget, forgetAll };
