/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from badges.pb.js: claiming, revoking and checking badges. What a badge
// says is lib/badge-credential.js; keys and signing are lib/badge-keys.js; docs/badges.md.

const CONTENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME_MAX = 80;
const REASON_MAX = 200;

/** Whether text holds a control character (C0, DEL, C1) or a line or paragraph separator. */
function hasControl(text) {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
			return true;
		}
	}
	return false;
}

function answer(status, message, data) {
	return { status, body: { code: status, message, data: data || {} } };
}

/**
 * The server's public address and the issuer's name: CLYDE_PUBLIC_URL and CLYDE_BADGE_ISSUER,
 * else PocketBase's Application URL and name (settings). Every badge names these for good, so
 * set them before the first is issued (docs/badges.md). PocketBase's own default name, "Acme",
 * is never put on a badge.
 */
function site(app) {
	const meta = app.settings().meta;
	const appName = meta.appName && meta.appName !== 'Acme' ? meta.appName : '';
	return {
		base: String($os.getenv('CLYDE_PUBLIC_URL') || meta.appUrl || '').replace(/\/+$/, ''),
		issuerName: $os.getenv('CLYDE_BADGE_ISSUER') || appName || 'Clyde'
	};
}

/** A badge record as its learner's app keeps it. */
function asLearnerSees(record) {
	return {
		id: record.id,
		pathway: record.getString('pathway'),
		credential: record.getString('credential'),
		display_name: record.getString('display_name'),
		issued: record.getString('issued').replace(' ', 'T'),
		revoked: record.getString('revoked').replace(' ', 'T'),
		revoked_reason: record.getString('revoked_reason')
	};
}

function findBadge(dao, user, pathway) {
	const found = dao.findRecordsByFilter(
		'badges',
		'user = {:user} && pathway = {:pathway}',
		'',
		1,
		0,
		{ user, pathway }
	);
	return found[0];
}

/** The published lessons of a pathway in the learner's order (module, then lesson position). */
function pathwayLessons(dao, pathway) {
	const modules = dao.findRecordsByFilter(
		'modules',
		'pathway = {:p} && published = true',
		'position',
		0,
		0,
		{ p: pathway.id }
	);
	const order = {};
	modules.forEach((m, i) => (order[m.id] = i));
	return dao
		.findRecordsByFilter('lessons', 'pathway = {:p} && published = true', 'position', 0, 0, {
			p: pathway.id
		})
		.filter((l) => l.getString('module') in order)
		.sort(
			(a, b) =>
				order[a.getString('module')] - order[b.getString('module')] ||
				a.getInt('position') - b.getInt('position')
		)
		.map((l) => {
			// Lessons carry their EDSF codes once the skills field exists (issue #18 item 1).
			const raw = l.get('skills') ? l.getString('skills') : '';
			const skills = raw ? JSON.parse(raw) : [];
			return {
				id: l.getString('content_id'),
				title: l.getString('title'),
				skills: Array.isArray(skills) ? skills : [],
				exercises: require(`${__hooks}/lib/lesson-done.js`).exerciseIds(l)
			};
		});
}

/**
 * The lessons of `lessons` ({id, exercises}) the server's own events say this learner has done
 * on the pathway: their lesson tallies (lib/tallies.js) judged by lib/lesson-done.js.
 */
function doneBy(dao, user, pathwayId, lessons) {
	const rule = require(`${__hooks}/lib/lesson-done.js`);
	const rows = arrayOf(new DynamicModel({ lesson: '', completed: 0, passed: 0, exercises: '' }));
	dao
		.db()
		.newQuery(
			`SELECT lesson, completed, passed, exercises FROM _clyde_lesson_tallies
			 WHERE user = {:user} AND pathway = {:pathway}`
		)
		.bind({ user, pathway: pathwayId })
		.all(rows);
	const tallies = {};
	rows.forEach((row) => (tallies[row.lesson] = row));
	return lessons.filter((l) => rule.isDone(tallies[l.id], l.exercises)).map((l) => l.id);
}

/**
 * Tells the open dashboards of the learner's cohorts on this pathway that a badge was issued or
 * revoked. The notice's roster count is what makes a dashboard load the cohort whole again,
 * badges included: rare enough (a claim or a revocation per learner and pathway) to cost
 * nothing, and it needs no new field that every dashboard would have to learn.
 */
function tellDashboards(dao, record) {
	const activity = require(`${__hooks}/lib/activity.js`);
	activity
		.cohortsOf(dao, record.getString('user'), [record.getString('pathway')])
		.forEach((cohort) => activity.touch(dao, cohort.id, { roster: true }));
}

/** The display name sent, trimmed; or an error message. */
function displayName(value) {
	if (value === undefined || value === null) return { name: '' };
	if (typeof value !== 'string') return { error: '"name" must be text.' };
	const name = value.trim().replace(/\s+/g, ' ');
	if (name.length > NAME_MAX) return { error: `"name" must be at most ${NAME_MAX} characters.` };
	if (hasControl(name)) return { error: '"name" must not contain control characters.' };
	return { name };
}

/**
 * POST /api/clyde/badges/claim {"pathway", "name"?}: the learner's badge for a pathway the
 * server's events say is done. 201 a new badge, 200 the one already issued (whatever name is
 * sent then), 409 with the lessons missing, 404 no such published pathway.
 */
function claim(app, user, data) {
	const dao = app.dao();
	const credentials = require(`${__hooks}/lib/badge-credential.js`);
	const keys = require(`${__hooks}/lib/badge-keys.js`);
	const pathwayId = data && data.pathway;
	if (typeof pathwayId !== 'string' || pathwayId.length > 60 || !CONTENT_ID.test(pathwayId)) {
		return answer(400, '"pathway" must be a pathway id.', {
			pathway: { code: 'validation_invalid', message: 'Must be a pathway id.' }
		});
	}
	const named = displayName(data.name);
	if (named.error)
		return answer(400, named.error, { name: { code: 'validation_invalid', message: named.error } });

	const existing = findBadge(dao, user.id, pathwayId);
	if (existing) return { status: 200, body: asLearnerSees(existing) };

	const found = dao.findRecordsByFilter(
		'pathways',
		'content_id = {:id} && published = true',
		'',
		1,
		0,
		{ id: pathwayId }
	);
	const pathway = found[0];
	if (!pathway) return answer(404, `There is no published pathway "${pathwayId}".`);
	const lessons = pathwayLessons(dao, pathway);
	const done = doneBy(dao, user.id, pathwayId, lessons);
	const missing = lessons
		.filter((l) => done.indexOf(l.id) < 0)
		.map((l) => ({ id: l.id, title: l.title }));
	if (lessons.length === 0 || missing.length > 0) {
		return answer(
			409,
			`Not done yet: ${missing.length} of ${lessons.length} lessons still to finish, as the server has them.`,
			{ missing }
		);
	}

	const here = site(app);
	const record = new Record(dao.findCollectionByNameOrId('badges'));
	record.refreshId();
	const issued = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
	const hex = $security.randomStringWithAlphabet(32, '0123456789abcdef');
	// A random (version 4) UUID from PocketBase's CSPRNG.
	const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20)}`;
	const vc = credentials.credential({
		base: here.base,
		issuerName: here.issuerName,
		credentialId: `urn:uuid:${uuid}`,
		badgeId: record.id,
		learnerId: user.id,
		displayName: named.name,
		issued,
		pathway: {
			id: pathwayId,
			title: pathway.getString('title'),
			summary: pathway.getString('summary'),
			lessons
		},
		// Each aligned statement named in words (generated from src/lib/skills/edsf.ts).
		statements: require(`${__hooks}/lib/edsf-statements.json`)
	});
	const jws = keys.signJws(credentials.jwtPayload(vc), keys.signingKey(dao), here.base);
	record.set('user', user.id);
	record.set('pathway', pathwayId);
	record.set('credential_id', vc.id);
	record.set('credential', jws);
	record.set('display_name', named.name);
	record.set('issued', issued);
	try {
		dao.saveRecord(record);
	} catch (error) {
		// Two claims at once: the unique (user, pathway) index kept the first; answer with it.
		const first = findBadge(dao, user.id, pathwayId);
		if (first) return { status: 200, body: asLearnerSees(first) };
		throw error;
	}
	tellDashboards(dao, record);
	return { status: 201, body: asLearnerSees(record) };
}

/** GET /api/clyde/badges/issuer: the issuer's profile, with its public keys as a JWK set. */
function issuer(app) {
	const credentials = require(`${__hooks}/lib/badge-credential.js`);
	const here = site(app);
	const profile = credentials.issuerProfile(here.base, here.issuerName);
	return {
		status: 200,
		body: Object.assign({ '@context': credentials.CONTEXT }, profile, {
			keys: require(`${__hooks}/lib/badge-keys.js`).jwks(app.dao(), here.base)
		})
	};
}

/** GET /api/clyde/badges/keys/:kid — one public key (a JWK), what a JWS header's kid names. */
function key(app, kid) {
	const here = site(app);
	const url = require(`${__hooks}/lib/badge-credential.js`).urls(here.base).key(kid);
	const jwk = require(`${__hooks}/lib/badge-keys.js`)
		.jwks(app.dao(), here.base)
		.filter((k) => k.kid === url)[0];
	return jwk ? { status: 200, body: jwk } : answer(404, 'No key of this issuer has this id.');
}

/** GET /api/clyde/badges/status/:id — whether a badge stands or was revoked, and why. */
function badgeStatus(app, id) {
	const here = site(app);
	let record;
	try {
		record = app.dao().findRecordById('badges', id);
	} catch {
		return answer(404, 'This issuer has no badge with this id.');
	}
	const revoked = record.getString('revoked');
	return {
		status: 200,
		body: {
			id: require(`${__hooks}/lib/badge-credential.js`).urls(here.base).status(id),
			credential: record.getString('credential_id'),
			status: revoked ? 'revoked' : 'active',
			revoked: revoked ? revoked.replace(' ', 'T') : undefined,
			reason: revoked ? record.getString('revoked_reason') : undefined
		}
	};
}

/**
 * GET /api/clyde/badges/revoked — every badge this issuer has revoked, by credential id, with
 * when and why: what a verifier keeps to say "revoked" offline (or to check many badges with
 * one request). Only revoked badges are listed, so it holds nothing about anyone else's.
 */
function revokedList(app) {
	const here = site(app);
	const urls = require(`${__hooks}/lib/badge-credential.js`).urls(here.base);
	const rows = arrayOf(new DynamicModel({ id: '', credential: '', revoked: '', reason: '' }));
	app
		.dao()
		.db()
		.newQuery(
			`SELECT id, credential_id AS credential, revoked, revoked_reason AS reason
			 FROM badges WHERE revoked != '' ORDER BY revoked, id`
		)
		.all(rows);
	return {
		status: 200,
		body: {
			id: urls.revoked,
			issuer: urls.issuer,
			updated: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			revoked: rows.map((row) => ({
				id: row.credential,
				status: urls.status(row.id),
				revoked: row.revoked.replace(' ', 'T'),
				reason: row.reason
			}))
		}
	};
}

/**
 * Whether `user` tutors a cohort the badge's learner is in, on the badge's pathway: the one
 * whose progress that tutor sees (their rules show no other pathway's events).
 */
function tutorsLearner(dao, user, badge) {
	const rows = arrayOf(new DynamicModel({ n: 0 }));
	dao
		.db()
		.newQuery(
			`SELECT COUNT(*) AS n FROM memberships m JOIN cohorts c ON c.id = m.cohort
			 WHERE m.learner = {:learner} AND c.tutor = {:tutor} AND c.pathway = {:pathway}`
		)
		.bind({ learner: badge.getString('user'), tutor: user.id, pathway: badge.getString('pathway') })
		.all(rows);
	return rows.length > 0 && rows[0].n > 0;
}

/**
 * POST /api/clyde/badges/:id/revoke {"reason"}: an admin, or a tutor of one of the learner's
 * cohorts on the badge's pathway, revokes a badge for good. Anyone else gets 404 (no existence
 * leak). Revoking again keeps the first reason.
 */
function revoke(app, user, admin, id, data) {
	const dao = app.dao();
	const reason =
		typeof (data && data.reason) === 'string' ? data.reason.trim().replace(/\s+/g, ' ') : '';
	if (!reason || reason.length > REASON_MAX || hasControl(reason)) {
		const message = `"reason" must be text of 1 to ${REASON_MAX} characters: the verifier shows it.`;
		return answer(400, message, { reason: { code: 'validation_invalid', message } });
	}
	let record;
	try {
		record = dao.findRecordById('badges', id);
	} catch {
		return answer(404, 'No badge you may revoke has this id.');
	}
	const allowed =
		!!admin || (user && user.getString('role') === 'tutor' && tutorsLearner(dao, user, record));
	if (!allowed) return answer(404, 'No badge you may revoke has this id.');
	if (!record.getString('revoked')) {
		record.set('revoked', new Date().toISOString().replace('T', ' '));
		record.set('revoked_reason', reason);
		record.set('revoked_by', user ? user.id : '');
		dao.saveRecord(record);
		tellDashboards(dao, record);
	}
	return badgeStatus(app, id);
}

/** POST /api/clyde/badges/keys/rotate (admins): a new signing key; the old ones stay published. */
function rotate(app) {
	const here = site(app);
	const added = require(`${__hooks}/lib/badge-keys.js`).addKey(app.dao());
	const url = require(`${__hooks}/lib/badge-credential.js`)
		.urls(here.base)
		.key(added.getString('kid'));
	return { status: 201, body: { kid: url } };
}

module.exports = { claim, issuer, key, status: badgeStatus, revoked: revokedList, revoke, rotate };
