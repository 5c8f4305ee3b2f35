/**
 * Append-only learner events. Progress is derived from them, so merging two devices is a
 * set union and a wrong clock cannot undo anything.
 */
interface EventBase {
	/** Client-made UUIDv7: also the op id that makes a sync retry harmless. */
	id: string;
	lesson: string;
	module: string;
	pathway: string;
	/** The device's clock when it happened (ISO 8601); informative only, never trusted to order. */
	at: string;
}

export interface LessonOpened extends EventBase {
	type: 'lesson_opened';
}

export interface LessonCompleted extends EventBase {
	type: 'lesson_completed';
}

export interface QuizAnswered extends EventBase {
	type: 'quiz_answered';
	question: number;
	correct: boolean;
}

export interface QuizCompleted extends EventBase {
	type: 'quiz_completed';
	correct: number;
	total: number;
	passed: boolean;
}

/**
 * The learner pressed Check on an exercise: whether every check passed, and which did not (their
 * indices in the exercise's checks). Never the learner's code: that stays on the phone.
 */
export interface ExerciseChecked extends EventBase {
	type: 'exercise_checked';
	exercise: string;
	passed: boolean;
	failed: number[];
}

export type ProgressEvent =
	LessonOpened | LessonCompleted | QuizAnswered | QuizCompleted | ExerciseChecked;
export type ProgressEventType = ProgressEvent['type'];

/** An event as a screen asks for it; id and time are added when it is recorded. */
export type NewProgressEvent = ProgressEvent extends infer E
	? E extends ProgressEvent
		? Omit<E, 'id' | 'at'>
		: never
	: never;
