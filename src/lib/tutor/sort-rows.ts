import type { LearnerRow } from './dashboard';

export type SortKey = 'needs_help' | 'name' | 'progress' | 'last_active';
export type Filter = 'all' | 'needs_help' | 'on_track';

/** The orders and filters the dashboard offers, in its menus' order (their words: messages/tutor/). */
export const SORTS: readonly SortKey[] = ['needs_help', 'name', 'progress', 'last_active'];
export const FILTERS: readonly Filter[] = ['all', 'needs_help', 'on_track'];

// One collator for every comparison: localeCompare builds one per call, which made sorting a
// 500-learner cohort a visible part of opening its dashboard.
const collator = new Intl.Collator();
const byName = (a: LearnerRow, b: LearnerRow) =>
	collator.compare(a.learner.name || a.learner.email, b.learner.name || b.learner.email);

const ORDER: Record<SortKey, (a: LearnerRow, b: LearnerRow) => number> = {
	needs_help: (a, b) => b.signals.length - a.signals.length || a.completed - b.completed,
	name: () => 0,
	progress: (a, b) => a.completed - b.completed,
	last_active: (a, b) => (a.lastActive ?? 0) - (b.lastActive ?? 0)
};

/** The rows to show, in order; ties fall back to the name so the order is stable. */
export function sortRows(rows: readonly LearnerRow[], sort: SortKey, filter: Filter): LearnerRow[] {
	const kept = rows.filter((row) =>
		filter === 'all'
			? true
			: filter === 'needs_help'
				? row.signals.length > 0
				: row.signals.length === 0
	);
	return kept.sort((a, b) => ORDER[sort](a, b) || byName(a, b));
}
