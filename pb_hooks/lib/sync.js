/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from sync.pb.js. Plain JavaScript for PocketBase's goja engine.

const MAX_BATCH = 500;
const TYPES = ['lesson_opened', 'lesson_completed', 'quiz_answered', 'quiz_completed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const FIELDS = [
	'id',
	'type',
	'lesson',
	'module',
	'pathway',
	'at',
	'question',
	'correct',
	'total',
	'passed'
];

function bad(message, data) {
	return { status: 400, body: { code: 400, message, data: data || {} } };
}

/** The reason an event is malformed, or "" when it is fine. */
function problemWith(event) {
	if (!event || typeof event !== 'object' || Array.isArray(event)) return 'must be an object';
	for (const key in event) {
		if (FIELDS.indexOf(key) < 0) return `unknown field "${key}"`;
	}
	if (typeof event.id !== 'string' || !UUID.test(event.id)) return '"id" must be a UUID';
	if (TYPES.indexOf(event.type) < 0) return `"type" must be one of ${TYPES.join(', ')}`;
	for (const field of ['lesson', 'module', 'pathway']) {
		const value = event[field];
		if (typeof value !== 'string' || value.length > 60 || !CONTENT_ID.test(value)) {
			return `"${field}" must be a content id`;
		}
	}
	if (typeof event.at !== 'string' || !ISO_TIME.test(event.at) || isNaN(Date.parse(event.at))) {
		return '"at" must be an ISO 8601 UTC time like 2026-01-31T09:30:00.000Z';
	}
	if (event.type === 'quiz_answered') {
		if (!isCount(event.question, 0, 1000)) return '"question" must be a whole number';
		if (typeof event.correct !== 'boolean') return '"correct" must be true or false';
	}
	if (event.type === 'quiz_completed') {
		if (!isCount(event.total, 1, 1000)) return '"total" must be a whole number from 1';
		if (!isCount(event.correct, 0, event.total)) return '"correct" must be from 0 to "total"';
		if (typeof event.passed !== 'boolean') return '"passed" must be true or false';
	}
	return '';
}

function isCount(value, min, max) {
	return typeof value === 'number' && Math.floor(value) === value && value >= min && value <= max;
}

function push(app, user, data) {
	if (!data || typeof data !== 'object' || !Array.isArray(data.events)) {
		return bad('The body must be JSON: {"events": [...]}.');
	}
	const events = data.events;
	if (events.length === 0) return bad('"events" is empty.');
	if (events.length > MAX_BATCH)
		return bad(`At most ${MAX_BATCH} events in one push; this one has ${events.length}.`);

	const invalid = [];
	const seen = {};
	events.forEach((event, index) => {
		let reason = problemWith(event);
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
		for (const event of events) places[event.lesson] = null;
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
		events.forEach((event, index) => {
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
			for (let index = 0; index < events.length; index++) {
				const event = events[index];
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
				record.set('data', detail(event));
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

function detail(event) {
	if (event.type === 'quiz_answered') return { question: event.question, correct: event.correct };
	if (event.type === 'quiz_completed')
		return { correct: event.correct, total: event.total, passed: event.passed };
	return {};
}

function pull(dao, user, afterParam, limitParam) {
	const after = Number(afterParam || 0);
	const limit = Number(limitParam || 200);
	if (!isCount(after, 0, Number.MAX_SAFE_INTEGER))
		return bad('"after" must be a whole number (a cursor from an earlier pull).');
	if (!isCount(limit, 1, 500)) return bad('"limit" must be from 1 to 500.');
	const records = dao.findRecordsByFilter(
		'progress_events',
		'user = {:user} && seq > {:after}',
		'seq',
		limit + 1,
		0,
		{ user: user.id, after }
	);
	const page = records.slice(0, limit);
	const events = page.map((r) => {
		const data = JSON.parse(r.getString('data') || '{}');
		const event = {
			id: r.getString('op_id'),
			type: r.getString('type'),
			lesson: r.getString('lesson'),
			module: r.getString('module'),
			pathway: r.getString('pathway'),
			at: r.getString('at')
		};
		for (const key in data) event[key] = data[key];
		return event;
	});
	const cursor = page.length ? page[page.length - 1].getInt('seq') : after;
	return { status: 200, body: { events, cursor, more: records.length > limit } };
}

module.exports = { push, pull, problemWith };
