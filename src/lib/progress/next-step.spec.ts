import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import type { ProgressEvent } from './event-types';
import { byLesson } from './derive';
import { summarise } from './lesson-summary';
import { homeNextStep, pathwayNextStep, type NextStep } from './next-step';

const p = makePathway('p', 2, 2);
const q = { ...makePathway('q', 1, 2), position: 2 };
let clock = 0;
function opened(lesson: string): ProgressEvent {
	clock += 1;
	const [pathway = '', m = ''] = lesson.split('-');
	return {
		id: `e${clock}`,
		type: 'lesson_opened',
		lesson,
		module: `${pathway}-${m}`,
		pathway,
		at: new Date(Date.UTC(2026, 2, 1, 9, clock)).toISOString()
	};
}
const completed = (lesson: string): ProgressEvent => ({
	...opened(lesson),
	type: 'lesson_completed'
});
const passed = (lesson: string): ProgressEvent => ({
	...opened(lesson),
	type: 'quiz_completed',
	correct: 3,
	total: 3,
	passed: true
});
const state = (...events: ProgressEvent[]) => byLesson([...summarise(events).values()]);
/** A step in short: its kind and the lesson it points to. */
const brief = (step: NextStep | undefined) =>
	step &&
	(step.kind === 'complete'
		? `complete ${step.pathway.id}`
		: `${step.kind} ${step.target.lesson.id}`);

describe('the next step in a pathway', () => {
	it('starts with the first lesson', () => {
		expect(brief(pathwayNextStep(p, state()))).toBe('start p-m1-l1');
	});

	it('continues the lesson worked on last while it is not done', () => {
		expect(brief(pathwayNextStep(p, state(opened('p-m1-l1'))))).toBe('continue p-m1-l1');
		expect(brief(pathwayNextStep(p, state(completed('p-m1-l1'), opened('p-m2-l1'))))).toBe(
			'continue p-m2-l1'
		);
	});

	it('goes on to the next lesson, into the next module, once that one is done', () => {
		expect(brief(pathwayNextStep(p, state(opened('p-m1-l1'), completed('p-m1-l1'))))).toBe(
			'continue p-m1-l2'
		);
		expect(brief(pathwayNextStep(p, state(completed('p-m1-l2'))))).toBe('continue p-m2-l1');
	});

	it('counts a passed quiz as done, without a completion', () => {
		expect(brief(pathwayNextStep(p, state(opened('p-m1-l1'), passed('p-m1-l1'))))).toBe(
			'continue p-m1-l2'
		);
	});

	it('comes back to a lesson skipped on the way, after the last one', () => {
		const events = [completed('p-m1-l1'), completed('p-m2-l1'), completed('p-m2-l2')];
		expect(brief(pathwayNextStep(p, state(...events)))).toBe('continue p-m1-l2');
	});

	it('is complete once every lesson is done', () => {
		const all = ['p-m1-l1', 'p-m1-l2', 'p-m2-l1', 'p-m2-l2'].map(completed);
		expect(brief(pathwayNextStep(p, state(...all)))).toBe('complete p');
	});
});

describe('the next step on the home screen', () => {
	it('starts the first pathway on a first visit', () => {
		expect(brief(homeNextStep([p, q], state()))).toBe('start p-m1-l1');
	});

	it('carries on in the pathway worked on last', () => {
		expect(brief(homeNextStep([p, q], state(opened('p-m1-l1'), opened('q-m1-l1'))))).toBe(
			'continue q-m1-l1'
		);
	});

	it('moves to another pathway once one is complete, one begun before one not started', () => {
		const pDone = ['p-m1-l1', 'p-m1-l2', 'p-m2-l1', 'p-m2-l2'].map(completed);
		expect(brief(homeNextStep([p, q], state(...pDone)))).toBe('start q-m1-l1');
		expect(brief(homeNextStep([p, q], state(opened('q-m1-l2'), ...pDone)))).toBe(
			'continue q-m1-l2'
		);
	});

	it('shows the last achievement once everything is done, and nothing with no pathways', () => {
		const everything = ['p-m1-l1', 'p-m1-l2', 'p-m2-l1', 'p-m2-l2', 'q-m1-l1', 'q-m1-l2'];
		expect(brief(homeNextStep([p, q], state(...everything.map(completed))))).toBe('complete q');
		expect(homeNextStep([], state())).toBeUndefined();
	});
});
