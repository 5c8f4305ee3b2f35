import Papa from 'papaparse';
import type { CatalogPathway } from '$lib/content/catalog-types';
import { describeBadge } from './badge-count';
import { languageName } from './language-name';
import { stateLabel } from './cell-state';
import { sayInEnglish } from './english-words';
import type { LearnerRow } from './dashboard';
import { lessonTitle } from './lesson-title';
import { describeSignal } from './signals';
import type { CohortBadge } from './types';

/** A cell a spreadsheet could read as a formula: it starts with = + - @, a tab or a CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The grid as CSV, one learner a row, in English whatever the page's language (column names,
 * states, reasons and language names: issue 17). Papa Parse does the quoting (names with commas,
 * quotes or line breaks are common in real data), and `escapeFormulae` prefixes cells that
 * start with = + - @ with ' so a spreadsheet does not run a learner's name as a formula.
 * `badges`: each learner's badge for the pathway, by learner id (src/lib/tutor/badge-count.ts).
 */
export function gridCsv(
	pathway: CatalogPathway,
	rows: readonly LearnerRow[],
	badges: ReadonlyMap<string, CohortBadge> = new Map()
): string {
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const title = lessonTitle(pathway);
	// One more column per lesson with exercises, and their total, only when the pathway has any.
	const practised = lessons.flatMap((l, i) => (l.exercises?.length ? [i] : []));
	const exercises = practised.reduce((sum, i) => sum + (lessons[i]?.exercises?.length ?? 0), 0);
	const header = [
		'Learner',
		'Email',
		'Language',
		'Lessons done',
		'Last active',
		'Quiz average',
		'Needs help',
		'Badge',
		...pathway.modules.map((m) => `Module: ${m.title}`),
		...lessons.map((l) => l.title),
		...(exercises ? ['Exercises passed'] : []),
		...practised.map((i) => `Exercises: ${lessons[i]?.title}`)
	];
	const body = rows.map((row) => [
		row.learner.name,
		row.learner.email,
		languageName(row.learner.language),
		`${row.completed} of ${lessons.length}`,
		row.lastActive === undefined ? '' : new Date(row.lastActive).toISOString(),
		row.quizAverage === undefined ? '' : `${Math.round(row.quizAverage * 100)}%`,
		row.signals.map((s) => describeSignal(s, title, sayInEnglish)).join('; '),
		describeBadge(badges.get(row.learner.id)),
		...row.modules.map((done, i) => `${done} of ${pathway.modules[i]?.lessons.length ?? 0}`),
		...row.lessons.map((record) => stateLabel(record.state, sayInEnglish)),
		...(exercises
			? [`${row.lessons.reduce((sum, r) => sum + r.exercisesPassed, 0)} of ${exercises}`]
			: []),
		...practised.map((i) => {
			const record = row.lessons[i];
			return `${record?.exercisesPassed ?? 0} of ${lessons[i]?.exercises?.length ?? 0} passed`;
		})
	]);
	// Our own pattern, not `escapeFormulae: true`: Papa's default (/^[=+\-@\t\r].*$/) does not
	// match a cell that has a line break after its first line, so "=HYPERLINK(…)\nx" got through.
	return Papa.unparse([header, ...body], { escapeFormulae: FORMULA_START });
}
