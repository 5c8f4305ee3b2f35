import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { LessonRecord } from './cell-state';
import { sayInEnglish } from './english-words';
import { lessonCellsHtml } from './grid-cells';

const record = (state: LessonRecord['state']): LessonRecord => ({
	state,
	fails: 0,
	passed: false,
	exercisesPassed: 0,
	exercises: 0
});

/** What lessonCellsHtml reads of a dashboard row: its lesson records and module totals. */
const row = (states: LessonRecord['state'][], modules: number[]) => ({
	lessons: states.map(record),
	modules
});

/** The cells as [class, text] pairs, in order. */
const cells = (html: string) =>
	[...html.matchAll(/<td class="([^"]+)">([^<]*)<\/td>/g)].map((match) => match.slice(1));

describe('lessonCellsHtml', () => {
	it('gives each lesson its state and symbol, and each module its total, in order', () => {
		const pathway = makePathway('p', 2, 2);
		const html = lessonCellsHtml(
			pathway,
			row(['quiz_passed', 'needs_help', 'opened', 'not_started'], [1, 0]),
			sayInEnglish
		);
		expect(cells(html)).toEqual([
			['cell quiz_passed first', '★'],
			['cell needs_help', '!'],
			['module-sum', '1/2'],
			['cell opened first', '○'],
			['cell not_started', '·'],
			['module-sum', '0/2']
		]);
	});

	it('shows lessons and modules the row has no record of as not started, 0 done', () => {
		// A lesson published after the row was derived, for example.
		const html = lessonCellsHtml(makePathway('p', 2, 2), row(['completed'], [1]), sayInEnglish);
		expect(cells(html)).toEqual([
			['cell completed first', '✓'],
			['cell not_started', '·'],
			['module-sum', '1/2'],
			['cell not_started first', '·'],
			['cell not_started', '·'],
			['module-sum', '0/2']
		]);
	});

	it('says how many of a lesson’s exercises are passed, as a tooltip and to screen readers', () => {
		const html = lessonCellsHtml(
			makePathway('p', 1, 2),
			{
				lessons: [{ ...record('opened'), exercisesPassed: 1, exercises: 2 }, record('opened')],
				modules: [0]
			},
			sayInEnglish
		);
		expect(html).toContain(
			'<td class="cell opened first" title="exercises 1/2 passed">○<span class="visually-hidden"> exercises 1/2 passed</span></td>'
		);
		expect(html).toContain('<td class="cell opened">○</td>');
	});

	it('escapes the words of a translation, which a translator may write with quotes', () => {
		const html = lessonCellsHtml(
			makePathway('p', 1, 1),
			{ lessons: [{ ...record('opened'), exercisesPassed: 1, exercises: 2 }], modules: [0] },
			() => 'ćwiczenia "1/2" <ok> & zaliczone'
		);
		expect(html).toContain(
			'title="ćwiczenia &quot;1/2&quot; &lt;ok&gt; &amp; zaliczone">○<span class="visually-hidden"> ćwiczenia &quot;1/2&quot; &lt;ok&gt; &amp; zaliczone</span>'
		);
	});
});
