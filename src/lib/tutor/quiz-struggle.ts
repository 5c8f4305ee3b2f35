/**
 * When a lesson's quiz is a sign that a learner is stuck (docs/tutors.md says why and what it
 * misses). Pure.
 */

/** Failed attempts after which low scores alone are worth a look. */
export const LOW_SCORE_ATTEMPTS = 2;

export interface QuizAttempts {
	/** Failed attempts, each counted once. */
	fails: number;
	passed: boolean;
	/** The best score of any attempt (0–1), if there was one. */
	bestScore?: number | undefined;
}

/**
 * Stuck on a quiz means not passed and either failed `quizFails` times, or failed twice with
 * no attempt reaching `lowScore` percent: two tries at 0% say more than three at 60%. A pass
 * clears both. A `lowScore` of 0 turns the second rule off.
 */
export function stuckOnQuiz(attempts: QuizAttempts, quizFails: number, lowScore: number): boolean {
	if (attempts.passed) return false;
	if (attempts.fails >= quizFails) return true;
	// Compared in whole percent, as the tutor sets it: 1 of 3 is 33%, under a mark of 34.
	const best = Math.floor((attempts.bestScore ?? 0) * 100 + 1e-9);
	return attempts.fails >= LOW_SCORE_ATTEMPTS && best < lowScore;
}
