// Loaded with require() from lib/badges.js. Plain JavaScript for goja.
//
// The one rule for "done", for the server: a lesson is done when it was marked complete, or
// its quiz was passed. The app's copy is src/lib/progress/lesson-state.ts (isDone, makesDone);
// src/lib/progress/server-done-rule.spec.ts feeds the same events to both and checks they agree.
// The server decides a badge from its own events with this, so a phone cannot forge completion.

/** An event (type, and `passed` for quiz attempts) that on its own makes its lesson done. */
function makesDone(event) {
	return (
		event.type === 'lesson_completed' || (event.type === 'quiz_completed' && event.passed === true)
	);
}

/** The ids of the lessons that `events` ({type, lesson, passed?}) make done, in any order. */
function doneLessons(events) {
	const done = {};
	for (const event of events) {
		if (makesDone(event)) done[event.lesson] = true;
	}
	return Object.keys(done);
}

module.exports = { makesDone, doneLessons };
