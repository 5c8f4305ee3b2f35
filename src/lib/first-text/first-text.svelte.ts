/**
 * Whether a lesson's text read early (read-stored-lesson.ts) is on screen, with the lesson
 * screen building behind it. The root layout sets it; the lesson screen clears it once it shows
 * what it has read itself, so the learner never sees the text go and come back.
 */
export const firstText = $state({ showing: false });

/** Called by the lesson screen once its own answer (the text, or why not) is on screen. */
export function lessonScreenReady(): void {
	firstText.showing = false;
}
