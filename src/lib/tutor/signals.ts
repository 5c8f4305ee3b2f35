import type { Say } from './tutor-words.svelte';
import type { Thresholds } from './types';

/** Why a learner may need help, each with what the tutor needs to act on it. */
export type Signal =
	| { kind: 'quiz_fails'; lessons: StrugglingLesson[] }
	| { kind: 'quiet'; days: number | undefined }
	| { kind: 'behind'; behind: number; median: number };

/** A lesson whose quiz the learner is stuck on: failed attempts and the best score (0–1). */
export interface StrugglingLesson {
	id: string;
	fails: number;
	best: number;
}

export interface LearnerFacts {
	/** Lessons whose quiz the learner is stuck on (quiz-struggle.ts). */
	struggling: StrugglingLesson[];
	/** Last activity (ms since epoch), or undefined for none yet. */
	lastActive: number | undefined;
	/** When they joined the cohort (ms), which is where "quiet" starts counting if they never began. */
	joined: number;
	completed: number;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The needs-help rules (see docs/tutors.md for why these and what they miss):
 * - stuck on a lesson's quiz: failed `quiz_fails` times, or twice with no attempt reaching
 *   `quiz_low_score`%, and no pass since (quiz-struggle.ts);
 * - no activity for `quiet_days` days (counted from joining if they never started);
 * - `behind_lessons` or more lessons behind the cohort's median.
 */
export function needsHelp(
	facts: LearnerFacts,
	median: number,
	thresholds: Thresholds,
	now: number
): Signal[] {
	const signals: Signal[] = [];
	if (facts.struggling.length > 0) signals.push({ kind: 'quiz_fails', lessons: facts.struggling });
	const since = facts.lastActive ?? facts.joined;
	const quietFor = Math.floor((now - since) / DAY);
	if (quietFor >= thresholds.quiet_days)
		signals.push({ kind: 'quiet', days: facts.lastActive === undefined ? undefined : quietFor });
	const behind = median - facts.completed;
	if (behind >= thresholds.behind_lessons) signals.push({ kind: 'behind', behind, median });
	return signals;
}

/** The median of a list of counts (0 for none). */
export function median(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	const upper = sorted[Math.floor(sorted.length / 2)] ?? 0;
	const lower = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
	return (lower + upper) / 2;
}

/** A signal in words, for the grid, the learner's page (`say`: their language) and the CSV (English). */
export function describeSignal(
	signal: Signal,
	lessonTitle: (id: string) => string,
	say: Say
): string {
	switch (signal.kind) {
		case 'quiz_fails':
			return signal.lessons
				.map((l) =>
					say('signal_quiz_fails', {
						lesson: lessonTitle(l.id),
						count: l.fails,
						best: Math.round(l.best * 100)
					})
				)
				.join('; ');
		case 'quiet':
			return signal.days === undefined
				? say('signal_not_started')
				: say('signal_quiet', { count: signal.days });
		case 'behind':
			return say('signal_behind', { count: signal.behind, median: signal.median });
	}
}
