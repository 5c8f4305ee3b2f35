import { addEvent, NO_TALLY, type LessonTally } from './lesson-tally';
import type {
	Cohort,
	CohortBadge,
	CohortLearner,
	CohortProgress,
	NoticeCell,
	TutorEvent
} from './types';

/** One learner's lessons, by lesson id, and their latest activity. */
export interface LearnerTally {
	lessons: ReadonlyMap<string, LessonTally>;
	/**
	 * When they last did something (ISO 8601): each event counts at the earlier of the
	 * device's clock and the server's receipt, so a fast clock cannot hide a quiet learner.
	 */
	active?: string;
}

/** What the dashboard knows of a cohort: the server's answer, then live events added to it. */
export interface CohortState {
	cohort: Cohort;
	roster: number;
	/** Every event up to this seq is counted. */
	cursor: number;
	learners: CohortLearner[];
	/** By learner id; a learner with nothing yet has no entry. */
	tallies: ReadonlyMap<string, LearnerTally>;
	/** Its learners' badges for the pathway, as of the whole read or a revocation made here. */
	badges?: CohortBadge[];
}

/** The server's columns (types.ts, CohortProgress) as tallies per learner and lesson. */
export function fromProgress(progress: CohortProgress): CohortState {
	const { learners, cells } = progress;
	const tallies = new Map<string, { lessons: Map<string, LessonTally>; active?: string }>();
	learners.forEach((learner) => {
		tallies.set(learner.id, { lessons: new Map(), active: learner.active ?? undefined });
	});
	for (let i = 0; i < cells.learner.length; i++) {
		const learner = learners[cells.learner[i] as number];
		const lesson = cells.lesson[i];
		if (!learner || lesson === undefined) continue;
		const tally = cellTally(
			cells.flags[i],
			cells.fails[i],
			cells.best[i],
			cells.done[i],
			cells.exercises?.[i]
		);
		tallies.get(learner.id)?.lessons.set(lesson, tally);
	}
	return {
		cohort: progress.cohort,
		roster: progress.roster,
		cursor: progress.cursor,
		learners: learners.map(({ active: _active, ...learner }) => learner),
		tallies,
		...(progress.badges && { badges: progress.badges })
	};
}

/** One cell as the server sends it (`flags`: opened 1 + completed 2 + quiz passed 4). */
function cellTally(
	flags = 0,
	fails = 0,
	best: number | null | undefined,
	done: string | null | undefined,
	exercises?: Record<string, string> | null
): LessonTally {
	// A cell is there only if the learner did something on the lesson: it is touched.
	const tally: LessonTally = {
		touched: true,
		completed: (flags & 2) !== 0,
		quizPassed: (flags & 4) !== 0,
		fails
	};
	if (best !== null && best !== undefined) tally.bestScore = best;
	if (done) tally.finishedAt = done;
	if (exercises && Object.keys(exercises).length) tally.exercisesPassed = exercises;
	return tally;
}

/**
 * The state with a notice's cells (each whole, as the server's tallies hold it after the push)
 * put in place of the old ones, now exact up to `cursor`. The caller checks that the notice
 * follows the state's cursor (nothing missed between). Cells of someone not in the cohort are
 * left out, as in withChanges.
 */
export function withCells(
	state: CohortState,
	cells: readonly NoticeCell[],
	cursor: number
): CohortState {
	const members = new Set(state.learners.map((l) => l.id));
	const next = new Map(state.tallies);
	for (const cell of cells) {
		if (!members.has(cell.learner)) continue;
		const old = next.get(cell.learner);
		const lessons = new Map(old?.lessons);
		lessons.set(
			cell.lesson,
			cellTally(cell.flags, cell.fails, cell.best, cell.done, cell.exercises)
		);
		const active =
			old?.active && (!cell.active || old.active > cell.active) ? old.active : cell.active;
		next.set(cell.learner, { lessons, active: active ?? undefined });
	}
	return { ...state, tallies: next, cursor: Math.max(cursor, state.cursor) };
}

/**
 * The state with events that came after its cursor added, up to `cursor`. Only the learners
 * they touch are copied; events of someone not (or no longer) in the cohort are left out.
 */
export function withChanges(
	state: CohortState,
	events: readonly TutorEvent[],
	cursor: number
): CohortState {
	const members = new Set(state.learners.map((l) => l.id));
	const tallies = tallyEvents(
		events.filter((e) => members.has(e.user) && e.seq > state.cursor),
		state.tallies
	);
	return { ...state, tallies, cursor: Math.max(cursor, state.cursor) };
}

/**
 * `events` added to `tallies` (an empty map by default), each counted once: the whole
 * derivation on the phone's side, which the server's SQL must agree with.
 */
export function tallyEvents(
	events: readonly TutorEvent[],
	tallies: ReadonlyMap<string, LearnerTally> = new Map()
): Map<string, LearnerTally> {
	const next = new Map(tallies);
	const copied = new Set<string>();
	const seen = new Set<string>();
	for (const event of events) {
		if (seen.has(event.id)) continue;
		seen.add(event.id);
		let learner = next.get(event.user);
		if (!learner || !copied.has(event.user)) {
			learner = { lessons: new Map(learner?.lessons), active: learner?.active };
			next.set(event.user, learner);
			copied.add(event.user);
		}
		const lessons = learner.lessons as Map<string, LessonTally>;
		lessons.set(event.lesson, addEvent(lessons.get(event.lesson) ?? NO_TALLY, event));
		const received = event.received ?? event.at;
		const at = event.at < received ? event.at : received;
		if (!learner.active || at > learner.active) learner.active = at;
	}
	return next;
}
