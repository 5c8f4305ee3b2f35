import type { StoredLessonOpen } from './open-stored-lesson';

/**
 * Whether a lesson's text read early (open-stored-lesson.ts) is on screen, with the lesson
 * screen building behind it. The root layout sets it; the lesson screen clears it once it shows
 * what it has read itself, so the learner never sees the text go and come back.
 */
export const firstText = $state({ showing: false });

/** Called by the lesson screen once its own answer (the text, or why not) is on screen. */
export function lessonScreenReady(): void {
	firstText.showing = false;
}

/** The open recorded with the early text, until the lesson screen of that visit takes it. */
let earlyOpen: { lesson: string; opened: StoredLessonOpen['opened'] } | undefined;

/** The root layout: this lesson's open of this visit is recorded (or failed) already. */
export function claimEarlyOpen(lesson: string, opened: StoredLessonOpen['opened']): void {
	earlyOpen = { lesson, opened };
}

/** The root layout: the learner left that visit, so a later open of the lesson is a new one. */
export function forgetEarlyOpen(): void {
	earlyOpen = undefined;
}

/**
 * The lesson screen, as it would record the lesson's open: the outcome when the early text
 * recorded it already (then it must not be recorded twice), once; undefined otherwise.
 */
export function takeEarlyOpen(lesson: string): StoredLessonOpen['opened'] | undefined {
	if (earlyOpen?.lesson !== lesson) return undefined;
	const { opened } = earlyOpen;
	earlyOpen = undefined;
	return opened;
}
