/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js. Plain JavaScript for PocketBase's goja engine.

// No 0/O or 1/I/L: a code read off a projector must not be misread. 31 symbols, 8 long:
// about 8.5 × 10^11 codes, so guessing one takes ~10^11 tries on average, and join attempts
// are rate limited (pb_hooks/security.pb.js).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const DEFAULT_THRESHOLDS = { quiz_fails: 3, quiet_days: 7, behind_lessons: 5 };

function answer(status, message, data) {
	return { status, body: { code: status, message, data: data || {} } };
}

function newJoinCode(dao) {
	for (;;) {
		const code = $security.randomStringWithAlphabet(CODE_LENGTH, CODE_ALPHABET);
		const taken = dao.findRecordsByFilter('cohorts', 'join_code = {:code}', '', 1, 0, { code });
		if (taken.length === 0) return code;
	}
}

/** What a learner types: spaces, dashes and case do not matter. */
function normaliseCode(value) {
	return String(value || '')
		.toUpperCase()
		.replace(/[\s-]/g, '');
}

/**
 * Fills what the server owns before a cohort is saved: a fresh join code on create, and the
 * default thresholds for any left empty. Throws when the pathway is not published or a
 * threshold sent (`sent`, the request's data) is below 1.
 */
function prepareCohort(dao, record, isNew, sent) {
	if (isNew) record.set('join_code', newJoinCode(dao));
	for (const field in DEFAULT_THRESHOLDS) {
		// PocketBase reads a number's 0 as "empty", which passes `min: 1`: a threshold that
		// was sent must be at least 1, or a tutor's 0 would quietly become the default.
		if (sent && field in sent && !(Number(sent[field]) >= 1)) {
			throw new BadRequestError('Failed to save the cohort.', {
				[field]: new ValidationError('validation_min_number_constraint', 'Must be at least 1.')
			});
		}
		if (!record.getInt(field)) record.set(field, DEFAULT_THRESHOLDS[field]);
	}
	const pathway = record.getString('pathway');
	const found = dao.findRecordsByFilter(
		'pathways',
		'content_id = {:id} && published = true',
		'',
		1,
		0,
		{ id: pathway }
	);
	if (found.length === 0) {
		throw new BadRequestError(`There is no published pathway "${pathway}".`, {
			pathway: new ValidationError(
				'validation_unknown_pathway',
				'No published pathway has this id.'
			)
		});
	}
}

/**
 * The cohort a learner's code opens, or the answer to give instead: 403 for tutors and
 * editors, and the same 404 for every wrong code, so a guess learns nothing about others.
 */
function cohortForCode(dao, user, data) {
	if (user.getString('role') === 'tutor' || user.getString('role') === 'editor') {
		return { refused: answer(403, 'Only learners join cohorts.') };
	}
	const code = normaliseCode(data && data.code);
	const notFound = { refused: answer(404, 'No class has this code. Check it with your tutor.') };
	if (code.length !== CODE_LENGTH) return notFound;
	const cohorts = dao.findRecordsByFilter('cohorts', 'join_code = {:code}', '', 1, 0, { code });
	return cohorts.length === 0 ? notFound : { cohort: cohorts[0] };
}

/**
 * What a learner holding a right code may know before joining: the class's name and pathway,
 * its tutor's display name, and whether they are in it already. Nothing else of the cohort
 * (no id, no code, no members) and nothing else of the tutor (no email).
 */
function preview(dao, user, data) {
	const found = cohortForCode(dao, user, data);
	if (found.refused) return found.refused;
	const cohort = found.cohort;
	let tutor = '';
	try {
		tutor = dao.findRecordById('users', cohort.getString('tutor')).getString('name');
	} catch {
		// A tutor account deleted since: the class can still be joined, without a name to show.
	}
	const member = dao.findRecordsByFilter(
		'memberships',
		'cohort = {:cohort} && learner = {:learner}',
		'',
		1,
		0,
		{ cohort: cohort.id, learner: user.id }
	);
	return {
		status: 200,
		body: {
			cohort: { name: cohort.getString('name'), pathway: cohort.getString('pathway') },
			tutor: { name: tutor },
			member: member.length > 0
		}
	};
}

/** A learner joins the cohort whose code they typed. Joining twice is harmless. */
function join(dao, user, data) {
	const found = cohortForCode(dao, user, data);
	if (found.refused) return found.refused;
	const cohort = found.cohort;
	const existing = dao.findRecordsByFilter(
		'memberships',
		'cohort = {:cohort} && learner = {:learner}',
		'',
		1,
		0,
		{ cohort: cohort.id, learner: user.id }
	);
	let membership = existing[0];
	if (!membership) {
		membership = new Record(dao.findCollectionByNameOrId('memberships'));
		membership.set('cohort', cohort.id);
		membership.set('learner', user.id);
		dao.saveRecord(membership);
	}
	return { status: 200, body: asLearnerSees(membership, cohort) };
}

/** The cohorts `user` is in, oldest membership first. */
function mine(dao, user) {
	const memberships = dao.findRecordsByFilter(
		'memberships',
		'learner = {:learner}',
		'created',
		200,
		0,
		{ learner: user.id }
	);
	dao.expandRecords(memberships, ['cohort'], null);
	const cohorts = [];
	for (const membership of memberships) {
		const cohort = membership.expandedOne('cohort');
		if (cohort) cohorts.push(asLearnerSees(membership, cohort));
	}
	return { status: 200, body: { cohorts } };
}

/** A learner's membership as they see it: the cohort's name and pathway, no join code. */
function asLearnerSees(membership, cohort) {
	return {
		membership: membership.id,
		cohort: { id: cohort.id, name: cohort.getString('name'), pathway: cohort.getString('pathway') }
	};
}

/** The cohort, if `user` is its tutor; otherwise undefined (answered 404: no existence leak). */
function ownedCohort(dao, user, id) {
	try {
		const cohort = dao.findRecordById('cohorts', id);
		return cohort.getString('tutor') === user.id ? cohort : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Everything the dashboard needs in one answer: the cohort's learners and their events on
 * its pathway, oldest first. Single quiz answers are left out: the dashboard counts quiz
 * attempts, not answers, and they are most of the rows. Two plain SQL queries, because the
 * record API would page 500 at a time and check the rule row by row.
 */
function progress(dao, user, id) {
	const events = require(`${__hooks}/lib/events.js`);
	const cohort = ownedCohort(dao, user, id);
	if (!cohort) return answer(404, 'No cohort of yours has this id.');
	const learners = arrayOf(
		new DynamicModel({ id: '', membership: '', name: '', email: '', joined: '' })
	);
	dao
		.db()
		.newQuery(
			`SELECT u.id AS id, m.id AS membership, u.name AS name, u.email AS email,
			        m.created AS joined
			 FROM memberships m JOIN users u ON u.id = m.learner
			 WHERE m.cohort = {:cohort} ORDER BY u.name, u.id`
		)
		.bind({ cohort: cohort.id })
		.all(learners);
	const rows = arrayOf(
		new DynamicModel({
			op_id: '',
			user: '',
			type: '',
			lesson: '',
			module: '',
			at: '',
			received: '',
			data: '',
			seq: 0
		})
	);
	dao
		.db()
		.newQuery(
			`SELECT e.op_id AS op_id, e.user AS user, e.type AS type, e.lesson AS lesson,
			        e.module AS module, e.at AS at, e.created AS received, e.data AS data,
			        e.seq AS seq
			 FROM memberships m JOIN progress_events e ON e.user = m.learner
			 WHERE m.cohort = {:cohort} AND e.pathway = {:pathway} AND e.type != 'quiz_answered'
			 ORDER BY e.seq`
		)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway') })
		.all(rows);
	// The badges the cohort's learners hold for its pathway (pb_hooks/lib/badges.js), revoked too.
	const badges = arrayOf(new DynamicModel({ user: '', issued: '', revoked: '' }));
	dao
		.db()
		.newQuery(
			`SELECT b.user AS user, b.issued AS issued, b.revoked AS revoked
			 FROM memberships m JOIN badges b ON b.user = m.learner
			 WHERE m.cohort = {:cohort} AND b.pathway = {:pathway}`
		)
		.bind({ cohort: cohort.id, pathway: cohort.getString('pathway') })
		.all(badges);
	return {
		status: 200,
		body: {
			cohort: {
				id: cohort.id,
				name: cohort.getString('name'),
				pathway: cohort.getString('pathway'),
				join_code: cohort.getString('join_code'),
				quiz_fails: cohort.getInt('quiz_fails'),
				quiet_days: cohort.getInt('quiet_days'),
				behind_lessons: cohort.getInt('behind_lessons')
			},
			learners: learners.map((l) => ({
				id: l.id,
				membership: l.membership,
				name: l.name,
				email: l.email,
				joined: events.isoDate(l.joined)
			})),
			events: rows.map((row) => events.toTutor(row)),
			badges: badges.map((b) => ({
				user: b.user,
				issued: events.isoDate(b.issued),
				revoked: events.isoDate(b.revoked)
			}))
		}
	};
}

/** A new join code, for when the old one was shared too widely. Members stay. */
function renewCode(dao, user, id) {
	const cohort = ownedCohort(dao, user, id);
	if (!cohort) return answer(404, 'No cohort of yours has this id.');
	cohort.set('join_code', newJoinCode(dao));
	dao.saveRecord(cohort);
	return { status: 200, body: { join_code: cohort.getString('join_code') } };
}

module.exports = { prepareCohort, preview, join, mine, progress, renewCode, normaliseCode };
