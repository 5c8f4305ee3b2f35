/**
 * What GET /api/clyde/cohorts/:id/progress answers (pb_hooks/lib/dashboard.js): the whole
 * cohort, learner by lesson, computed by the server from the events up to `cursor`.
 */
export interface CohortProgress {
	cohort: Cohort;
	/**
	 * Counts joins, leaves and badges issued or revoked: a notice with another count means
	 * loading the cohort again.
	 */
	roster: number;
	/** The server's seq this answer is exact up to; live reads start after it. */
	cursor: number;
	/** Sorted by name; `active` is their latest activity (ISO 8601) or null. */
	learners: (CohortLearner & { active: string | null })[];
	/**
	 * One entry per learner × lesson touched, as parallel arrays: an index into `learners`;
	 * the lesson's id; `flags` = opened 1 + completed 2 + quiz passed 4; failed attempts; the
	 * best score (0–1) or null; when it was first marked complete or its quiz passed (ISO 8601,
	 * device clock) or null; the exercises passed, each with its first pass (device clock), or
	 * null (absent from servers before issue #16).
	 */
	cells: {
		learner: number[];
		lesson: string[];
		flags: number[];
		fails: number[];
		best: (number | null)[];
		done: (string | null)[];
		exercises?: (Record<string, string> | null)[];
	};
	/**
	 * The badges its learners hold for the cohort's pathway, revoked ones too (absent from
	 * older servers). Read with the whole cohort, which a claim or a revocation makes the
	 * dashboard load again (`roster`).
	 */
	badges?: CohortBadge[];
}

/** What ?after=<cursor> answers: the cohort's events since, oldest first. */
export interface CohortChanges {
	events: TutorEvent[];
	/** Where the next read starts. */
	cursor: number;
	/** More are waiting: read again at once. */
	more: boolean;
}

/**
 * The cohort's activity notice (pb_migrations/1764232200_cohort_activity.js and
 * 1764234200_cohort_activity_cells.js), sent live.
 */
export interface ActivityNotice {
	seq: number;
	roster: number;
	/** The notice's seq before this change: a dashboard at this cursor or later missed nothing. */
	previous?: number;
	/** What the push changed, each cell whole; absent or null: read ?after= instead. */
	cells?: NoticeCell[] | null;
}

/** One learner × lesson cell on a notice, as the lesson tallies hold it after the push. */
export interface NoticeCell {
	learner: string;
	lesson: string;
	/** Opened 1 + completed 2 + quiz passed 4, as in CohortProgress's cells. */
	flags: number;
	fails: number;
	best: number | null;
	done: string | null;
	/** The learner's latest activity on this lesson (ISO 8601). */
	active: string | null;
	/** The exercises passed, each with its first pass, as in CohortProgress's cells. */
	exercises?: Record<string, string> | null;
}

/** A learner's badge for the cohort's pathway, as the dashboard counts it. */
export interface CohortBadge {
	/** The badge's id, which revoking it names. */
	id: string;
	user: string;
	/** ISO 8601. */
	issued: string;
	/** ISO 8601 when revoked, '' while it stands. */
	revoked: string;
	/** Why it was revoked, as the verifier shows it; '' while it stands. */
	reason: string;
}

export interface Cohort {
	id: string;
	name: string;
	pathway: string;
	join_code: string;
	/** Needs-help thresholds, set per cohort by its tutor. */
	quiz_fails: number;
	/** Flag a quiz after two failed attempts when none scored this percentage. */
	quiz_low_score: number;
	quiet_days: number;
	behind_lessons: number;
}

export type Thresholds = Pick<
	Cohort,
	'quiz_fails' | 'quiz_low_score' | 'quiet_days' | 'behind_lessons'
>;

export interface CohortLearner {
	id: string;
	/** The membership record, which the tutor deletes to remove the learner. */
	membership: string;
	name: string;
	email: string;
	/** When they joined (ISO 8601). */
	joined: string;
	/**
	 * The language they chose for Clyde's screens ("pl"), as their phone last synced it; empty
	 * before it has, and absent from a server older than it.
	 */
	language?: string;
}

/**
 * A learner's event as the tutor sees it: who, and the quiz score if any. The dashboard's live
 * reads send these (pb_hooks/lib/events.js); a learner's timeline reads the stored records with
 * the same codec (src/lib/progress/wire-event.ts). Single quiz answers are left out.
 */
export interface TutorEvent {
	id: string;
	user: string;
	type: 'lesson_opened' | 'lesson_completed' | 'quiz_completed' | 'exercise_checked';
	lesson: string;
	module: string;
	/** The device's clock when it happened (ISO 8601). */
	at: string;
	/** When the server stored it (ISO 8601): a bound on a fast device clock. */
	received?: string;
	seq: number;
	correct?: number;
	total?: number;
	passed?: boolean;
	/** Exercise checks: which exercise, and the indices of the checks that failed. */
	exercise?: string;
	failed?: number[];
}
