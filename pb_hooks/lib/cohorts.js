/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from cohorts.pb.js. Plain JavaScript for PocketBase's goja engine.

// No 0/O or 1/I/L: a code read off a projector must not be misread. 31 symbols, 8 long:
// about 8.5 × 10^11 codes, so guessing one takes ~10^11 tries on average, and join attempts
// are rate limited (pb_hooks/lib/rate-limits.js).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const DEFAULT_THRESHOLDS = { quiz_fails: 3, quiz_low_score: 50, quiet_days: 7, behind_lessons: 5 };

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
		const activity = require(`${__hooks}/lib/activity.js`);
		membership = new Record(dao.findCollectionByNameOrId('memberships'));
		membership.set('cohort', cohort.id);
		membership.set('learner', user.id);
		// The tutor's open dashboard hears of the join from the cohort's notice.
		dao.runInTransaction((tx) => {
			tx.saveRecord(membership);
			activity.touch(tx, cohort.id, { roster: true });
		});
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

/** A new join code, for when the old one was shared too widely. Members stay. */
function renewCode(dao, user, id) {
	const cohort = ownedCohort(dao, user, id);
	if (!cohort) return answer(404, 'No cohort of yours has this id.');
	cohort.set('join_code', newJoinCode(dao));
	dao.saveRecord(cohort);
	return { status: 200, body: { join_code: cohort.getString('join_code') } };
}

module.exports = { prepareCohort, preview, join, mine, ownedCohort, renewCode, normaliseCode };
