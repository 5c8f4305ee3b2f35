import type { CatalogPathway } from '$lib/content/catalog-types';
import { exercisesText, type CellState } from './cell-state';
import type { LearnerRow } from './dashboard';
import type { Say } from './tutor-words.svelte';

// A symbol as well as a colour, so a state never depends on colour alone (WCAG 1.4.1).
export const SYMBOLS: Record<CellState, string> = {
	not_started: '·',
	opened: '○',
	completed: '✓',
	quiz_passed: '★',
	needs_help: '!'
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

/**
 * A row's lesson cells and per-module totals as one HTML string. The grid has a cell per
 * learner per lesson (30,000 for 500 learners × 60 lessons): made one by one as Svelte
 * elements they took seconds on a slow laptop, parsed from one string per row they take a
 * fraction of that. The string holds only state names, fixed symbols, numbers and the words
 * of a message file (escaped: a translation may hold quotes), never what a learner typed (the
 * function is given no name or email). A lesson with exercises says how many are passed, as the cell's tooltip and to
 * screen readers, in `say`'s language.
 */
export function lessonCellsHtml(
	pathway: CatalogPathway,
	row: Pick<LearnerRow, 'lessons' | 'modules'>,
	say: Say
): string {
	let html = '';
	let index = 0;
	pathway.modules.forEach((module, m) => {
		module.lessons.forEach((_, i) => {
			const record = row.lessons[index];
			const state = record?.state ?? 'not_started';
			const exercises = record ? escapeHtml(exercisesText(record, say)) : '';
			index += 1;
			html += exercises
				? `<td class="cell ${state}${i === 0 ? ' first' : ''}" title="${exercises}">${SYMBOLS[state]}<span class="visually-hidden"> ${exercises}</span></td>`
				: `<td class="cell ${state}${i === 0 ? ' first' : ''}">${SYMBOLS[state]}</td>`;
		});
		html += `<td class="module-sum">${row.modules[m] ?? 0}/${module.lessons.length}</td>`;
	});
	return html;
}
