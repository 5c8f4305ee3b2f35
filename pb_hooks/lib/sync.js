/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from sync.pb.js. Plain JavaScript for PocketBase's goja engine.

const MAX_BATCH = 500;

function bad(message, data) {
	return { status: 400, body: { code: 400, message, data: data || {} } };
}

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
		const places = {};
		for (const event of batch) places[event.lesson] = null;
		for (const lesson in places) {
			const found = dao.findRecordsByFilter('lessons', 'content_id = {:id}', '', 1, 0, {
				id: lesson
			});
			if (found.length === 0) continue;
			dao.expandRecord(found[0], ['module', 'pathway'], null);
			const module = found[0].expandedOne('module');
			const pathway = found[0].expandedOne('pathway');
			places[lesson] = {
				module: module ? module.getString('content_id') : '',
				pathway: pathway ? pathway.getString('content_id') : ''
			};
		}
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

	const results = [];
	let conflict = null;
	try {
		dao.runInTransaction((tx) => {
			const collection = tx.findCollectionByNameOrId('progress_events');
			const top = tx.findRecordsByFilter('progress_events', 'seq > 0', '-seq', 1, 0);
			let seq = top.length ? top[0].getInt('seq') : 0;
			for (let index = 0; index < batch.length; index++) {
				const event = batch[index];
				const existing = tx.findRecordsByFilter('progress_events', 'op_id = {:op}', '', 1, 0, {
					op: event.id
				});
				if (existing.length) {
					if (existing[0].getString('user') !== user.id) {
						conflict = { index, id: event.id, reason: 'this id belongs to another account' };
						throw new Error('conflict');
					}
					results.push({ id: event.id, status: 'duplicate', seq: existing[0].getInt('seq') });
					continue;
				}
				seq += 1;
				const record = new Record(collection);
				record.set('op_id', event.id);
				record.set('user', user.id);
				record.set('type', event.type);
				record.set('lesson', event.lesson);
				record.set('module', event.module);
				record.set('pathway', event.pathway);
				record.set('at', event.at);
				record.set('data', events.detail(event));
				record.set('seq', seq);
				// Every field was validated above; saveRecord skips PocketBase's own form checks.
				tx.saveRecord(record);
				results.push({ id: event.id, status: 'stored', seq });
			}
		});
	} catch (e) {
		// The throw rolled the transaction back; a conflict is answered per event, anything
		// else is the server's fault.
		if (!conflict) throw e;
	}
	if (conflict)
		return bad('An event id is already used by another account; nothing was stored.', {
			invalid: [conflict]
		});
	return { status: 200, body: { results } };
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

module.exports = { push, pull };
