import { describe, expect, it } from 'vitest';
import type { LearnerRow } from './dashboard';
import type { Signal } from './signals';
import { FILTERS, SORTS, sortRows, type SortKey } from './sort-rows';

const QUIET: Signal = { kind: 'quiet', days: 9 };
const BEHIND: Signal = { kind: 'behind', behind: 6, median: 8 };

interface RowOptions {
	email?: string;
	completed?: number;
	lastActive?: number;
	signals?: Signal[];
}

function row(name: string, options: RowOptions = {}): LearnerRow {
	return {
		learner: {
			id: name || (options.email ?? ''),
			membership: 'm',
			name,
			email: options.email ?? `${name.toLowerCase()}@example.org`,
			joined: ''
		},
		lessons: [],
		modules: [],
		completed: options.completed ?? 0,
		quizAverage: undefined,
		lastActive: options.lastActive,
		signals: options.signals ?? []
	};
}
const names = (rows: LearnerRow[]) => rows.map((r) => r.learner.name || r.learner.email);

describe('sortRows: sort keys', () => {
	it('by name, alphabetically, falling back to the email when there is no name', () => {
		const rows = [row('Cy'), row('', { email: 'bo@example.org' }), row('Ana')];
		expect(names(sortRows(rows, 'name', 'all'))).toEqual(['Ana', 'bo@example.org', 'Cy']);
	});

	it('needs help first: the most signals first, then the least progress', () => {
		const rows = [
			row('Ana', { completed: 9 }),
			row('Ben', { completed: 2, signals: [QUIET] }),
			row('Cy', { completed: 1, signals: [QUIET, BEHIND] }),
			row('Di', { completed: 0, signals: [BEHIND] }),
			row('Ed', { completed: 1 })
		];
		expect(names(sortRows(rows, 'needs_help', 'all'))).toEqual(['Cy', 'Di', 'Ben', 'Ed', 'Ana']);
	});

	it('least progress first', () => {
		const rows = [
			row('Ana', { completed: 5 }),
			row('Ben', { completed: 0 }),
			row('Cy', { completed: 3 })
		];
		expect(names(sortRows(rows, 'progress', 'all'))).toEqual(['Ben', 'Cy', 'Ana']);
	});

	it('longest quiet first, with learners who never started before everyone', () => {
		const rows = [
			row('Ana', { lastActive: 3_000 }),
			row('Ben', { lastActive: 1_000 }),
			row('Cy'),
			row('Di', { lastActive: 2_000 })
		];
		expect(names(sortRows(rows, 'last_active', 'all'))).toEqual(['Cy', 'Ben', 'Di', 'Ana']);
	});

	// Rows that tie on the key come out by name, whatever order they came in.
	const ties: Record<SortKey, RowOptions> = {
		name: {},
		needs_help: { completed: 2, signals: [QUIET] },
		progress: { completed: 2 },
		last_active: { lastActive: 5_000 }
	};
	it.each([...SORTS])('breaks ties by name when sorting by %s', (key) => {
		const rows = [row('Cy', ties[key]), row('Ana', ties[key]), row('Ben', ties[key])];
		expect(names(sortRows(rows, key, 'all'))).toEqual(['Ana', 'Ben', 'Cy']);
		expect(names(sortRows([...rows].reverse(), key, 'all'))).toEqual(['Ana', 'Ben', 'Cy']);
	});

	it('leaves the rows it was given in their order', () => {
		const rows = [row('Cy'), row('Ana')];
		sortRows(rows, 'name', 'all');
		expect(names(rows)).toEqual(['Cy', 'Ana']);
	});
});

describe('sortRows: filters', () => {
	const rows = [
		row('Ana'),
		row('Ben', { signals: [QUIET] }),
		row('Cy', { signals: [QUIET, BEHIND] }),
		row('Di')
	];

	it('keeps everyone', () => {
		expect(names(sortRows(rows, 'name', 'all'))).toEqual(['Ana', 'Ben', 'Cy', 'Di']);
	});

	it('keeps only learners with a signal', () => {
		expect(names(sortRows(rows, 'name', 'needs_help'))).toEqual(['Ben', 'Cy']);
	});

	it('keeps only learners with no signal', () => {
		expect(names(sortRows(rows, 'name', 'on_track'))).toEqual(['Ana', 'Di']);
	});

	it('filters and sorts together', () => {
		expect(names(sortRows(rows, 'needs_help', 'needs_help'))).toEqual(['Cy', 'Ben']);
	});

	it('offers every filter and sort in its menus', () => {
		expect(FILTERS).toEqual(['all', 'needs_help', 'on_track']);
		expect([...SORTS].sort()).toEqual(['last_active', 'name', 'needs_help', 'progress']);
	});
});
