/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/sync.js and lib/cohorts.js. Plain JavaScript for goja.
//
// The wire shape of a progress event, once for the server: what a push may carry, how its
// detail is stored (the `data` JSON of pb_migrations/1764230600_progress_events.js) and how it
// is sent back to the learner's devices and to tutors. The app's copy of this shape is
// src/lib/progress/wire-event.ts; its spec checks that the two agree.

const COMMON_FIELDS = ['id', 'type', 'lesson', 'module', 'pathway', 'at'];
const DETAIL_FIELDS = {
	lesson_opened: [],
	lesson_completed: [],
	quiz_answered: ['question', 'correct'],
	quiz_completed: ['correct', 'total', 'passed'],
	exercise_checked: ['exercise', 'passed', 'failed']
};
const TYPES = Object.keys(DETAIL_FIELDS);
const ALLOWED = COMMON_FIELDS.concat(DETAIL_FIELDS.quiz_answered, DETAIL_FIELDS.quiz_completed, [
	'exercise',
	'failed'
]);
// Looked up once per field of every event a push carries: an object's own key is found
// faster than by indexOf over a list in goja.
const IS_ALLOWED = setOf(ALLOWED);
const IS_TYPE = setOf(TYPES);
const PLACE_FIELDS = ['lesson', 'module', 'pathway'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Content ids already found well-formed. A push names the same few lessons, modules and
 * pathway hundreds of times, and goja's regular expressions are slow: one test each is enough.
 * Cleared when it grows, so it stays small whatever is sent.
 */
let goodIds = Object.create(null);
let goodCount = 0;

function isContentId(value) {
	if (typeof value !== 'string' || value.length > 60) return false;
	if (goodIds[value] === true) return true;
	if (!CONTENT_ID.test(value)) return false;
	if (goodCount >= 5000) {
		goodIds = Object.create(null);
		goodCount = 0;
	}
	goodIds[value] = true;
	goodCount++;
	return true;
}

/** The reason an event is malformed, or "" when it is fine. */
function problemWith(event) {
	if (!event || typeof event !== 'object' || Array.isArray(event)) return 'must be an object';
	for (const key in event) {
		if (IS_ALLOWED[key] !== true) return `unknown field "${key}"`;
	}
	if (typeof event.id !== 'string' || !UUID.test(event.id)) return '"id" must be a UUID';
	if (IS_TYPE[event.type] !== true) return `"type" must be one of ${TYPES.join(', ')}`;
	for (const field of PLACE_FIELDS) {
		if (!isContentId(event[field])) return `"${field}" must be a content id`;
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
	if (event.type === 'exercise_checked') {
		const { exercise, passed, failed } = event;
		if (typeof exercise !== 'string' || exercise.length > 60 || !CONTENT_ID.test(exercise))
			return '"exercise" must be a content id';
		if (typeof passed !== 'boolean') return '"passed" must be true or false';
		if (!Array.isArray(failed) || failed.length > 100 || !failed.every((i) => isCount(i, 0, 99)))
			return '"failed" must be a list of check numbers';
		if (passed !== (failed.length === 0)) return '"passed" must be true exactly when none "failed"';
	}
	return '';
}

/** `true` under each of `names`, on an object with no prototype ("constructor" is no field). */
function setOf(names) {
	const set = Object.create(null);
	for (const name of names) set[name] = true;
	return set;
}

/** A whole number from `min` to `max`. */
function isCount(value, min, max) {
	return typeof value === 'number' && Math.floor(value) === value && value >= min && value <= max;
}

/** What an event stores in its `data` JSON: its type's detail fields. */
function detail(event) {
	const picked = {};
	for (const field of DETAIL_FIELDS[event.type] || []) picked[field] = event[field];
	return picked;
}

/** An event as the learner's devices read it back (the pull), from its stored record. */
function toWire(record) {
	return withDetail(
		{
			id: record.getString('op_id'),
			type: record.getString('type'),
			lesson: record.getString('lesson'),
			module: record.getString('module'),
			pathway: record.getString('pathway'),
			at: record.getString('at')
		},
		record.getString('data')
	);
}

/**
 * An event as a tutor's dashboard reads it, from a row of lib/cohorts.js's query (columns named
 * as in the collection, `received` its `created`, `data` the JSON text): whose it is, when the
 * server received it and its place in the server's order; no pathway (it is the cohort's).
 */
function toTutor(row) {
	return withDetail(
		{
			id: row.op_id,
			user: row.user,
			type: row.type,
			lesson: row.lesson,
			module: row.module,
			at: row.at,
			received: isoDate(row.received),
			seq: row.seq
		},
		row.data
	);
}

function withDetail(event, data) {
	const fields = DETAIL_FIELDS[event.type] || [];
	// Most events have no detail: the dashboard reads thousands, so their "{}" is not parsed.
	if (fields.length === 0 || !data) return event;
	const stored = JSON.parse(data) || {};
	for (const field of fields) {
		if (field in stored) event[field] = stored[field];
	}
	return event;
}

/**
 * PocketBase writes dates as "2026-01-31 09:30:00.000Z"; what the app is sent is ISO 8601
 * ("2026-01-31T09:30:00.000Z"), like the events' own `at`.
 */
function isoDate(value) {
	return String(value || '').replace(' ', 'T');
}

module.exports = {
	COMMON_FIELDS,
	DETAIL_FIELDS,
	problemWith,
	isCount,
	detail,
	toWire,
	toTutor,
	isoDate
};
