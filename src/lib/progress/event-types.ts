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

export type ProgressEvent = LessonOpened | LessonCompleted | QuizAnswered | QuizCompleted;
export type ProgressEventType = ProgressEvent['type'];

/** An event as a screen asks for it; id and time are added when it is recorded. */
export type NewProgressEvent = ProgressEvent extends infer E
	? E extends ProgressEvent
		? Omit<E, 'id' | 'at'>
		: never
	: never;
