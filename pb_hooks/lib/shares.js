/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from share.pb.js. Plain JavaScript for PocketBase's goja engine.
//
// A learner's code sent to their tutor (pb_migrations/1764236000_shared_code.js): its shape,
// checked before anything is stored, and how it is stored. The app builds it in
// src/lib/exercises/share-code.ts; share-code.spec.ts checks the two agree.

/** The three files together, in characters: a page of an exercise is far smaller. */
const MAX_CHARS = 20000;
const FIELDS = ['id', 'exercise', 'lesson', 'module', 'pathway', 'at', 'files'];
const FILES = ['html', 'css', 'js'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The reason a share is malformed, naming the field, or "" when it is fine. */
function shareProblem(share) {
	if (!share || typeof share !== 'object' || Array.isArray(share))
		return 'The body must be JSON: {"id", "exercise", "lesson", "module", "pathway", "at", "files"}.';
	for (const key of Object.keys(share)) {
		if (FIELDS.indexOf(key) < 0) return `unknown field "${key}"`;
	}
	if (typeof share.id !== 'string' || !UUID.test(share.id)) return '"id" must be a UUID';
	for (const field of ['exercise', 'lesson', 'module', 'pathway']) {
		const value = share[field];
		if (typeof value !== 'string' || value.length > 60 || !CONTENT_ID.test(value))
			return `"${field}" must be a content id`;
	}
	if (typeof share.at !== 'string' || !ISO_TIME.test(share.at) || isNaN(Date.parse(share.at)))
		return '"at" must be an ISO 8601 UTC time like 2026-01-31T09:30:00.000Z';
	const files = share.files;
	if (!files || typeof files !== 'object' || Array.isArray(files))
		return '"files" must be an object: {"html": "...", "css": "...", "js": "..."}';
	let total = 0;
	for (const key of Object.keys(files)) {
		if (FILES.indexOf(key) < 0) return `"files" has an unknown file "${key}" (html, css, js only)`;
	}
	for (const name of FILES) {
		if (typeof files[name] !== 'string') return `"files.${name}" must be text`;
		if (files[name].indexOf('\u0000') >= 0) return `"files.${name}" must not hold a NUL character`;
		total += files[name].length;
	}
	if (total > MAX_CHARS)
		return `"files" hold ${total} characters; at most ${MAX_CHARS} can be sent to a tutor`;
	return '';
}

/**
 * Stores a checked share for `user`, once. The lesson must exist in the module and pathway named
 * and have the exercise. 200 {stored} when stored now (true) or before (false); 400 with the
 * reason otherwise.
 */
function storeShare(dao, user, share) {
	const { exerciseIds } = require(`${__hooks}/lib/lesson-done.js`);
	const bad = (message) => ({ status: 400, body: { code: 400, message, data: {} } });
	let lesson;
	try {
		lesson = dao.findFirstRecordByData('lessons', 'content_id', share.lesson);
	} catch {
		return bad(`no lesson "${share.lesson}"`);
	}
	const contentIdOf = (collection, id) => {
		try {
			return id ? dao.findRecordById(collection, id).getString('content_id') : '';
		} catch {
			return '';
		}
	};
	const module = contentIdOf('modules', lesson.getString('module'));
	const pathway = contentIdOf('pathways', lesson.getString('pathway'));
	if (module !== share.module || pathway !== share.pathway)
		return bad(`lesson "${share.lesson}" is in module "${module}" of pathway "${pathway}"`);
	if (exerciseIds(lesson).indexOf(share.exercise) < 0)
		return bad(`lesson "${share.lesson}" has no exercise "${share.exercise}"`);

	const before = dao.findRecordsByFilter('shared_code', 'op_id = {:id}', '', 1, 0, {
		id: share.id
	});
	if (before.length > 0) {
		if (before[0].getString('user') !== user.id) return bad('this id belongs to another account');
		return { status: 200, body: { stored: false } };
	}
	const record = new Record(dao.findCollectionByNameOrId('shared_code'));
	record.set('op_id', share.id);
	record.set('user', user.id);
	for (const field of ['exercise', 'lesson', 'module', 'pathway', 'at']) {
		record.set(field, share[field]);
	}
	record.set('files', { html: share.files.html, css: share.files.css, js: share.files.js });
	dao.saveRecord(record);
	return { status: 200, body: { stored: true } };
}

module.exports = { MAX_CHARS, shareProblem, storeShare };
