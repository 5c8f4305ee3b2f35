/// <reference path="../pb_data/types.d.ts" />

// Cohorts (see pb_migrations/1764230700_cohorts.js for who may see what). A tutor creates
// and edits cohorts through the ordinary record API; the server owns the join code and the
// default thresholds. Joining and the dashboard's read are routes of their own.

onRecordBeforeCreateRequest((e) => {
	const cohorts = require(`${__hooks}/lib/cohorts.js`);
	cohorts.prepareCohort($app.dao(), e.record, true, $apis.requestInfo(e.httpContext).data);
}, 'cohorts');

onRecordBeforeUpdateRequest((e) => {
	const cohorts = require(`${__hooks}/lib/cohorts.js`);
	cohorts.prepareCohort($app.dao(), e.record, false, $apis.requestInfo(e.httpContext).data);
}, 'cohorts');

// POST /api/clyde/cohorts/preview {"code": "ABCD2345"} — the class and tutor a code opens, so a
// learner knows what they join. A POST, so the code stays out of URLs and logs, and the join
// rate limits count it (pb_hooks/lib/rate-limits.js).
routerAdd(
	'POST',
	'/api/clyde/cohorts/preview',
	(c) => {
		const cohorts = require(`${__hooks}/lib/cohorts.js`);
		const info = $apis.requestInfo(c);
		const answer = cohorts.preview($app.dao(), info.authRecord, info.data);
		c.response().header().set('Cache-Control', 'no-store');
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 10)
);

// POST /api/clyde/cohorts/join {"code": "ABCD2345"} — the signed-in learner joins.
routerAdd(
	'POST',
	'/api/clyde/cohorts/join',
	(c) => {
		const cohorts = require(`${__hooks}/lib/cohorts.js`);
		const info = $apis.requestInfo(c);
		const answer = cohorts.join($app.dao(), info.authRecord, info.data);
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 10)
);

// GET /api/clyde/cohorts/mine — the cohorts the signed-in learner is in (for the Account page).
routerAdd(
	'GET',
	'/api/clyde/cohorts/mine',
	(c) => {
		const cohorts = require(`${__hooks}/lib/cohorts.js`);
		const answer = cohorts.mine($app.dao(), $apis.requestInfo(c).authRecord);
		c.response().header().set('Cache-Control', 'no-store');
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users')
);

// GET /api/clyde/cohorts/:id/progress — the tutor's dashboard: the whole cohort, learner by
// lesson (pb_hooks/lib/dashboard.js), kept and brought up to date (lib/dashboard-cache.js).
// With ?after=<cursor>: its events since that cursor.
routerAdd(
	'GET',
	'/api/clyde/cohorts/:id/progress',
	(c) => {
		const cohorts = require(`${__hooks}/lib/cohorts.js`);
		const dashboard = require(`${__hooks}/lib/dashboard.js`);
		const { isCount } = require(`${__hooks}/lib/events.js`);
		c.response().header().set('Cache-Control', 'no-store');
		const cohort = cohorts.ownedCohort($app.dao(), c.get('authRecord'), c.pathParam('id'));
		if (!cohort) {
			return c.json(404, { code: 404, message: 'No cohort of yours has this id.', data: {} });
		}
		const after = c.queryParam('after');
		if (after === '') {
			const read = require(`${__hooks}/lib/dashboard-cache.js`).whole($app.dao(), cohort);
			// Says how the answer was made: kept, patched or built (tests and the benchmark read
			// it; DevTools shows it).
			c.response().header().set('Server-Timing', `dashboard;desc="${read.sent}"`);
			return c.blob(200, 'application/json; charset=utf-8', read.body);
		}
		if (!isCount(Number(after), 0, Number.MAX_SAFE_INTEGER)) {
			const message = '"after" must be a whole number (a cursor from an earlier read).';
			return c.json(400, { code: 400, message, data: {} });
		}
		return c.json(200, dashboard.since($app.dao(), cohort, Number(after)));
	},
	$apis.requireRecordAuth('users')
);

// A learner who leaves (or is removed) makes their tutor's open dashboard load again. Not when
// the cohort itself went: its notice went with it.
onModelAfterDelete((e) => {
	const cohort = e.model.getString('cohort');
	require(`${__hooks}/lib/dashboard-cache.js`).forget(cohort);
	try {
		$app.dao().findRecordById('cohorts', cohort);
	} catch {
		return;
	}
	require(`${__hooks}/lib/activity.js`).touch($app.dao(), cohort, { roster: true });
}, 'memberships');

// A deleted cohort's kept dashboard answer goes with it.
onModelAfterDelete((e) => {
	require(`${__hooks}/lib/dashboard-cache.js`).forget(e.model.getId());
}, 'cohorts');

// POST /api/clyde/cohorts/:id/renew-code — a fresh join code; the old one stops working.
routerAdd(
	'POST',
	'/api/clyde/cohorts/:id/renew-code',
	(c) => {
		const cohorts = require(`${__hooks}/lib/cohorts.js`);
		const info = $apis.requestInfo(c);
		const answer = cohorts.renewCode($app.dao(), info.authRecord, c.pathParam('id'));
		return c.json(answer.status, answer.body);
	},
	$apis.requireRecordAuth('users'),
	$apis.bodyLimit(1 << 10)
);
