/** Code a learner sent to their tutor, as the shared_code collection holds it. */
export interface SharedCode {
	id: string;
	exercise: string;
	lesson: string;
	pathway: string;
	/** When the learner sent it, by their phone's clock (ISO 8601). */
	at: string;
	files: { html: string; css: string; js: string };
}

export interface ExerciseShares {
	exercise: string;
	lesson: string;
	/** Newest first. */
	shares: SharedCode[];
}

/**
 * A learner's shares on one pathway, per exercise: the exercise last shared first, and each
 * exercise's shares newest first, so the tutor sees what was asked about most recently.
 */
export function sharesByExercise(shares: SharedCode[], pathway: string): ExerciseShares[] {
	const groups = new Map<string, ExerciseShares>();
	const newestFirst = shares
		.filter((s) => s.pathway === pathway)
		.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
	for (const share of newestFirst) {
		const key = `${share.lesson}/${share.exercise}`;
		const group = groups.get(key) ?? { exercise: share.exercise, lesson: share.lesson, shares: [] };
		group.shares.push(share);
		groups.set(key, group);
	}
	return [...groups.values()];
}
