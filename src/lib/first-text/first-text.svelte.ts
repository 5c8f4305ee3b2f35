import type { MediaItem } from '$lib/content/catalog-types';
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
/**
 * The pictures the early read found on the phone. The lesson screen shows them from here, with
 * no read of its own: a read would still be on its way when the screen takes over, and each
 * picture would blink to its alt text and back.
 */
let earlyPictures: ReadonlyMap<string, MediaItem> | undefined;

/** The root layout: this lesson's open of this visit is recorded (or failed) already. */
export function claimEarlyOpen(
	lesson: string,
	opened: StoredLessonOpen['opened'],
	pictures: ReadonlyMap<string, MediaItem>
): void {
	earlyOpen = { lesson, opened };
	earlyPictures = pictures;
}

/** The root layout: the learner left that visit, so a later open of the lesson is a new one. */
export function forgetEarlyOpen(): void {
	earlyOpen = undefined;
	earlyPictures = undefined;
}

/** A picture the early read found on the phone, if it did. */
export function earlyPicture(hash: string): MediaItem | undefined {
	return earlyPictures?.get(hash);
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
