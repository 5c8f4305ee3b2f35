import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';
import { makePathway } from '../../../tests/factories/catalog';
import { randomHistory } from '../../../tests/factories/events';
import type { ProgressEvent } from './event-types';
import { isDone, makesDone, NO_FACTS, withEvent, type LessonFacts } from './lesson-state';

/** The server's copy of the done rule, loaded as PocketBase loads it (it decides badges). */
const server = requireHook(`${HOOKS}/lib/lesson-done.js`) as {
	makesDone(event: { type: string; passed?: boolean }): boolean;
	doneLessons(events: { type: string; lesson: string; passed?: boolean }[]): string[];
};

/** The lessons the app's rule calls done, from the same events. */
function appDone(events: ProgressEvent[]): string[] {
	const facts = new Map<string, LessonFacts>();
	for (const event of events) {
		facts.set(event.lesson, withEvent(facts.get(event.lesson) ?? NO_FACTS, event));
	}
	return [...facts].filter(([, f]) => isDone(f)).map(([lesson]) => lesson);
}

/** An event as the claim route reads it back from the server's table. */
function asServerReads(event: ProgressEvent) {
	return {
		type: event.type,
		lesson: event.lesson,
		passed: 'passed' in event ? event.passed : undefined
	};
}

describe('the server’s done rule (badges) and the app’s agree', () => {
	const pathway = makePathway('agree', 3, 4);

	it('on every single event type, passed or not', () => {
		for (const event of randomHistory(pathway, 400, 7)) {
			expect(server.makesDone(asServerReads(event)), JSON.stringify(event)).toBe(makesDone(event));
		}
	});

	it.each([1, 2, 3, 4, 5, 6, 7, 8])('on random histories (seed %i)', (seed) => {
		const events = randomHistory(pathway, 5 + seed * 6, seed);
		expect(server.doneLessons(events.map(asServerReads)).sort()).toEqual(appDone(events).sort());
	});

	it('on a failed quiz after a pass, and a pass after fails: done once passed', () => {
		const base = { module: 'm', pathway: 'p', at: '2026-03-01T10:00:00.000Z' };
		const events: ProgressEvent[] = [
			{
				...base,
				id: 'a',
				lesson: 'l1',
				type: 'quiz_completed',
				correct: 1,
				total: 4,
				passed: false
			},
			{
				...base,
				id: 'b',
				lesson: 'l1',
				type: 'quiz_completed',
				correct: 4,
				total: 4,
				passed: true
			},
			{
				...base,
				id: 'c',
				lesson: 'l1',
				type: 'quiz_completed',
				correct: 0,
				total: 4,
				passed: false
			},
			{ ...base, id: 'd', lesson: 'l2', type: 'lesson_opened' },
			{ ...base, id: 'e', lesson: 'l3', type: 'quiz_answered', question: 0, correct: true }
		];
		expect(server.doneLessons(events.map(asServerReads))).toEqual(['l1']);
		expect(appDone(events)).toEqual(['l1']);
	});
});
