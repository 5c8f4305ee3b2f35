/// <reference path="../pb_data/types.d.ts" />

// Keeps _clyde_lesson_tallies (pb_hooks/lib/tallies.js) true to the events. The push adds to
// it in its own transaction, and its migration counted the events stored before it; these
// cover the rest.

// An event deleted (with its learner's account, or by an admin) leaves its cell counted again,
// and tutors' kept dashboard answers (lib/dashboard-cache.js) no longer hold.
onModelAfterDelete((e) => {
	const event = e.model;
	require(`${__hooks}/lib/dashboard-cache.js`).forgetAll();
	require(`${__hooks}/lib/tallies.js`).recount(
		$app.dao().db(),
		event.getString('user'),
		event.getString('pathway'),
		event.getString('lesson')
	);
}, 'progress_events');

// Events are never changed by the app; an admin changing one in the admin UI recounts both the
// cell it left and the one it is in now.
onModelAfterUpdate((e) => {
	const tallies = require(`${__hooks}/lib/tallies.js`);
	const event = e.model;
	const before = event.originalCopy();
	require(`${__hooks}/lib/dashboard-cache.js`).forgetAll();
	for (const copy of [before, event]) {
		tallies.recount(
			$app.dao().db(),
			copy.getString('user'),
			copy.getString('pathway'),
			copy.getString('lesson')
		);
	}
}, 'progress_events');
