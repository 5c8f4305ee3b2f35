/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from sync.pb.js. Plain JavaScript for PocketBase's goja engine.

const MAX_BATCH = 500;

function bad(message, data) {
	return { status: 400, body: { code: 400, message, data: data || {} } };
}

/**
 * The push's body, parsed here rather than by PocketBase: JSON.parse gives plain JavaScript
 * values, which the checks below read many times faster than the Go map that
 * $apis.requestInfo() hands to goja. Only a JSON body counts, as before.
 */
function readBody(contentType, text) {
	if (!/^application\/json\b/i.test(contentType || '')) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/**
 * Stores a batch of the learner's events, all or nothing. Every event is checked first, with
 * the reasons a learner's phone keeps; then one transaction looks up the batch's op ids in one
 * query, writes the new events with one INSERT, and leaves each of the learner's cohorts on
 * those pathways one activity notice. The unique index on op_id stays the last word on
 * idempotency: a second copy can never be stored, whatever reached the server first.
 */
function push(app, user, data) {
	const events = require(`${__hooks}/lib/events.js`);
	if (!data || typeof data !== 'object' || !Array.isArray(data.events)) {
		return bad('The body must be JSON: {"events": [...]}.');
	}
	const batch = data.events;
	if (batch.length === 0) return bad('"events" is empty.');
	if (batch.length > MAX_BATCH)
		return bad(`At most ${MAX_BATCH} events in one push; this one has ${batch.length}.`);

	const invalid = [];
	const seen = {};
	batch.forEach((event, index) => {
		let reason = events.problemWith(event);
		if (!reason && seen[event.id]) reason = 'the same id appears twice in this batch';
		if (!reason) seen[event.id] = true;
		if (reason)
			invalid.push({ index, id: event && typeof event.id === 'string' ? event.id : '', reason });
	});
	const dao = app.dao();
	if (invalid.length === 0) {
		// The lessons must exist (published or not: progress on a removed lesson still counts)
		// and sit in the module and pathway the event names, or a tutor's view would be wrong.
		const places = placesOf(dao, batch);
		batch.forEach((event, index) => {
			const place = places[event.lesson];
			if (!place) {
				invalid.push({ index, id: event.id, reason: `no lesson "${event.lesson}"` });
			} else if (place.module !== event.module || place.pathway !== event.pathway) {
				const where = `module "${place.module}" of pathway "${place.pathway}"`;
				invalid.push({ index, id: event.id, reason: `lesson "${event.lesson}" is in ${where}` });
			}
		});
	}
	if (invalid.length > 0) {
		return bad(`${invalid.length} event(s) are invalid; nothing was stored.`, { invalid });
	}

	let answer;
	try {
		dao.runInTransaction((tx) => {
			answer = store(tx, user, batch);
		});
	} catch (error) {
		// Only another writer storing one of these op ids between the look-up and the INSERT
		// could get here; the index refused it and nothing was written. Pushed again, the
		// batch finds it stored.
		if (!/UNIQUE constraint failed: progress_events\.op_id/.test(String(error))) throw error;
		return {
			status: 409,
			body: {
				code: 409,
				message: 'An event of this batch was stored meanwhile; push again.',
				data: {}
			}
		};
	}
	return answer;
}

/** Where each lesson of the batch is (module and pathway content ids), in one query. */
function placesOf(dao, batch) {
	const ids = {};
	for (const event of batch) ids[event.lesson] = true;
	const rows = arrayOf(new DynamicModel({ lesson: '', module: '', pathway: '' }));
	dao
		.db()
		.newQuery(
			`SELECT l.content_id AS lesson, IFNULL(m.content_id, '') AS module,
			        IFNULL(p.content_id, '') AS pathway
			 FROM lessons l LEFT JOIN modules m ON m.id = l.module LEFT JOIN pathways p ON p.id = l.pathway
			 WHERE l.content_id IN (SELECT value FROM json_each({:ids}))`
		)
		.bind({ ids: JSON.stringify(Object.keys(ids)) })
		.all(rows);
	const places = {};
	for (const row of rows) places[row.lesson] = { module: row.module, pathway: row.pathway };
	return places;
}

/**
 * Inside the push's transaction: the new events written, and the answer: how many of the
 * batch are on the server (all of it), how many this push stored, and the seq of the last one
 * stored (they have the seqs up to it, in the batch's order; 0 when all were there already).
 */
function store(tx, user, batch) {
	const events = require(`${__hooks}/lib/events.js`);
	const activity = require(`${__hooks}/lib/activity.js`);
	const tallies = require(`${__hooks}/lib/tallies.js`);
	const db = tx.db();
	const stored = arrayOf(new DynamicModel({ op_id: '', user: '', seq: 0 }));
	db.newQuery(
		`SELECT op_id, user, seq FROM progress_events
		 WHERE op_id IN (SELECT value FROM json_each({:ids}))`
	)
		.bind({ ids: JSON.stringify(batch.map((event) => event.id)) })
		.all(stored);
	const before = {};
	for (const row of stored) before[row.op_id] = row;
	for (let index = 0; index < batch.length; index++) {
		const found = before[batch[index].id];
		if (found && found.user !== user.id) {
			// Nothing is written: the transaction ends without a change.
			return bad('An event id is already used by another account; nothing was stored.', {
				invalid: [{ index, id: batch[index].id, reason: 'this id belongs to another account' }]
			});
		}
	}
	const top = new DynamicModel({ seq: 0 });
	db.newQuery('SELECT IFNULL(MAX(seq), 0) AS seq FROM progress_events').one(top);

	const rows = [];
	const pathways = {};
	for (const event of batch) {
		if (before[event.id]) continue;
		rows.push({
			op: event.id,
			type: event.type,
			lesson: event.lesson,
			module: event.module,
			pathway: event.pathway,
			at: event.at,
			data: events.detail(event)
		});
		// Single quiz answers change nothing a tutor is shown.
		if (event.type !== 'quiz_answered') pathways[event.pathway] = true;
	}
	const last = top.seq + rows.length;
	if (rows.length > 0) {
		// The rows go in as one JSON parameter and one statement: no Record per event, so no
		// per-event hooks or realtime checks. Every field was validated above. Ids follow seq
		// ("e" and 14 digits, within PocketBase's [a-z0-9]{15}): an ordered key adds to the end
		// of the primary key's index, where a random one touched a page of it per event.
		db.newQuery(
			`INSERT INTO progress_events
			   (id, op_id, user, type, lesson, module, pathway, at, data, seq)
			 SELECT printf('e%014d', {:top} + key + 1), json_extract(value, '$.op'), {:user},
			        json_extract(value, '$.type'), json_extract(value, '$.lesson'),
			        json_extract(value, '$.module'), json_extract(value, '$.pathway'),
			        json_extract(value, '$.at'), json_extract(value, '$.data'), {:top} + key + 1
			 FROM json_each({:rows})`
		)
			.bind({ user: user.id, top: top.seq, rows: JSON.stringify(rows) })
			.execute();
		tallies.add(db, top.seq, last);
		const cells = {};
		for (const cohort of activity.cohortsOf(tx, user.id, Object.keys(pathways))) {
			if (!(cohort.pathway in cells))
				cells[cohort.pathway] = activity.cellsOf(db, user.id, cohort.pathway, top.seq, last);
			activity.touch(tx, cohort.id, { seq: last, cells: cells[cohort.pathway] });
		}
	}
	// Every event of the batch is on the server now; the phone needs no more than that (it
	// sent the ids), so the answer stays a few bytes however big the batch.
	return {
		status: 200,
		body: { accepted: batch.length, stored: rows.length, seq: rows.length ? last : 0 }
	};
}

function pull(dao, user, afterParam, limitParam) {
	const events = require(`${__hooks}/lib/events.js`);
	const after = Number(afterParam || 0);
	const limit = Number(limitParam || 200);
	if (!events.isCount(after, 0, Number.MAX_SAFE_INTEGER))
		return bad('"after" must be a whole number (a cursor from an earlier pull).');
	if (!events.isCount(limit, 1, 500)) return bad('"limit" must be from 1 to 500.');
	const records = dao.findRecordsByFilter(
		'progress_events',
		'user = {:user} && seq > {:after}',
		'seq',
		limit + 1,
		0,
		{ user: user.id, after }
	);
	const page = records.slice(0, limit);
	const wire = page.map((record) => events.toWire(record));
	const cursor = page.length ? page[page.length - 1].getInt('seq') : after;
	return { status: 200, body: { events: wire, cursor, more: records.length > limit } };
}

module.exports = { readBody, push, pull };
