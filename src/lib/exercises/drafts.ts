import type { ClydeDatabase } from '$lib/db/database';
import type { ExerciseFiles } from './types';

/** A learner's code for one exercise: kept on the phone only, never sent anywhere. */
export interface ExerciseDraft {
	/** `${lesson}/${exercise}`. */
	key: string;
	lesson: string;
	exercise: string;
	files: ExerciseFiles;
	/** The learner has pressed Check at least once (the solution may be shown). */
	checked: boolean;
	savedAt: string;
}

export const draftKey = (lesson: string, exercise: string) => `${lesson}/${exercise}`;

export function load(db: ClydeDatabase, lesson: string, exercise: string) {
	return db.drafts.get(draftKey(lesson, exercise));
}

/** Resolves when the draft is on disk. */
export async function save(
	db: ClydeDatabase,
	draft: Omit<ExerciseDraft, 'key' | 'savedAt'>,
	now = new Date()
): Promise<void> {
	const key = draftKey(draft.lesson, draft.exercise);
	await db.drafts.put({ ...draft, key, savedAt: now.toISOString() });
}

export async function remove(db: ClydeDatabase, lesson: string, exercise: string): Promise<void> {
	await db.drafts.delete(draftKey(lesson, exercise));
}
