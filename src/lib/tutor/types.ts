/** What GET /api/clyde/cohorts/:id/progress answers (pb_hooks/lib/cohorts.js). */
export interface CohortProgress {
	cohort: Cohort;
	learners: CohortLearner[];
	events: TutorEvent[];
	/** The badges its learners hold for the cohort's pathway (absent from older servers). */
	badges?: CohortBadge[];
}

/** A learner's badge for the cohort's pathway, as the dashboard counts it. */
export interface CohortBadge {
	user: string;
	/** ISO 8601. */
	issued: string;
	/** ISO 8601 when revoked, '' while it stands. */
	revoked: string;
}

export interface Cohort {
	id: string;
	name: string;
	pathway: string;
	join_code: string;
	/** Needs-help thresholds, set per cohort by its tutor. */
	quiz_fails: number;
	quiet_days: number;
	behind_lessons: number;
}

export type Thresholds = Pick<Cohort, 'quiz_fails' | 'quiet_days' | 'behind_lessons'>;

export interface CohortLearner {
	id: string;
	/** The membership record, which the tutor deletes to remove the learner. */
	membership: string;
	name: string;
	email: string;
	/** When they joined (ISO 8601). */
	joined: string;
}

/**
 * A learner's event as the tutor sees it: who, and the quiz score if any. The dashboard read
 * sends these (pb_hooks/lib/events.js), realtime sends the stored record, read with the same
 * codec (src/lib/progress/wire-event.ts). Single quiz answers are left out.
 */
export interface TutorEvent {
	id: string;
	user: string;
	type: 'lesson_opened' | 'lesson_completed' | 'quiz_completed';
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
}
