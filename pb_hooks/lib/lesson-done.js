// Loaded with require() from lib/badges.js. Plain JavaScript for goja.
//
// The one rule for "done", for the server: a lesson is done when it was marked complete, or
// its quiz was passed, and each of its exercises has been passed. It reads a learner's lesson
// tally (lib/tallies.js: what the push keeps counted in SQL) and the lesson's exercise ids (its
// published `exercises`). The app's copy is src/lib/progress/lesson-state.ts (isDone);
// src/lib/progress/server-done-rule.spec.ts feeds both the same facts and checks they agree.
// The server decides a badge from its own events with this, so a phone cannot forge completion.

/**
 * Whether a tally ({completed, passed, exercises}: flags as 0/1 or booleans, and a JSON object
 * or its text of exercise id → first pass) makes its lesson done, given the lesson's exercises.
 */
function isDone(tally, exercises) {
	if (!tally || !(tally.completed || tally.passed)) return false;
	const passed =
		typeof tally.exercises === 'string' ? JSON.parse(tally.exercises || '{}') : tally.exercises;
	return (exercises || []).every((id) => !!(passed && passed[id]));
}

/** The ids of a published lesson's exercises (its `exercises` JSON field), in order. */
function exerciseIds(lesson) {
	const raw = lesson.get('exercises') ? lesson.getString('exercises') : '';
	const list = raw ? JSON.parse(raw) : [];
	return Array.isArray(list) ? list.map((exercise) => exercise && exercise.id) : [];
}

module.exports = { isDone, exerciseIds };
