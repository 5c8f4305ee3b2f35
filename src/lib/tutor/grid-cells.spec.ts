import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { LessonRecord } from './cell-state';
import type { LearnerRow } from './dashboard';
import { lessonCellsHtml } from './grid-cells';

const record = (state: LessonRecord['state']): LessonRecord => ({ state, fails: 0, passed: false });

function row(states: LessonRecord['state'][], modules: number[]): LearnerRow {
	return {
		learner: { id: 'a', membership: 'm', name: '<b>Ana</b>', email: 'a@x.org', joined: '' },
		lessons: states.map(record),
		modules,
		completed: 0,
		quizAverage: undefined,
		lastActive: undefined,
		signals: []
	};
}

describe('lessonCellsHtml', () => {
	it('gives each lesson its state and symbol, and each module its total, in order', () => {
		const pathway = makePathway('p', 2, 2);
		const html = lessonCellsHtml(
			pathway,
			row(['quiz_passed', 'needs_help', 'opened', 'not_started'], [1, 0])
		);
		const cells = [...html.matchAll(/<td class="([^"]+)">([^<]*)<\/td>/g)];
		expect(cells.map((match) => match.slice(1))).toEqual([
			['cell quiz_passed first', '★'],
			['cell needs_help', '!'],
			['module-sum', '1/2'],
			['cell opened first', '○'],
			['cell not_started', '·'],
			['module-sum', '0/2']
		]);
	});

	it('never carries the learner’s own text (the name is rendered apart, escaped)', () => {
		const html = lessonCellsHtml(makePathway('p', 1, 1), row(['completed'], [1]));
		expect(html).not.toContain('Ana');
	});
});
