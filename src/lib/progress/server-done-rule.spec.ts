import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';
import { makePathway, withExercises } from '../../../tests/factories/catalog';
import { randomHistory } from '../../../tests/factories/events';
import { exercisesByLesson } from './catalog-exercises';
import type { ProgressEvent } from './event-types';
import { isDone, NO_FACTS, withEvent, type LessonFacts } from './lesson-state';

/** A lesson tally as the badge claim reads it from _clyde_lesson_tallies (pb_hooks/lib/tallies.js). */
interface ServerTally {
	completed: number;
	passed: number;
	/** JSON text: exercise id → first pass. */
	exercises: string;
}

/** The server's copy of the done rule, loaded as PocketBase loads it (it decides badges). */
const server = requireHook(`${HOOKS}/lib/lesson-done.js`) as {
	isDone(tally: ServerTally | undefined, exercises: readonly string[]): boolean;
};

/**
 * What the tally's SQL adds up (tallies.js), written again from the events in the plainest way:
 * flags as 0/1 and the passed exercises' ids. tests/integration/dashboard-rule.test.ts checks
 * the SQL itself against the app's tallies; this checks the rule that reads them.
 */
function serverTallies(events: readonly ProgressEvent[]): Map<string, ServerTally> {
	const tallies = new Map<string, ServerTally>();
	for (const event of events) {
		if (event.type === 'quiz_answered') continue;
		const tally = tallies.get(event.lesson) ?? { completed: 0, passed: 0, exercises: '{}' };
		if (event.type === 'lesson_completed') tally.completed = 1;
		if (event.type === 'quiz_completed' && event.passed) tally.passed = 1;
		if (event.type === 'exercise_checked' && event.passed) {
			tally.exercises = JSON.stringify({ ...JSON.parse(tally.exercises), [event.exercise]: 1 });
		}
		tallies.set(event.lesson, tally);
	}
	return tallies;
}

function appFacts(events: readonly ProgressEvent[]): Map<string, LessonFacts> {
	const facts = new Map<string, LessonFacts>();
	for (const event of events) {
		facts.set(event.lesson, withEvent(facts.get(event.lesson) ?? NO_FACTS, event));
	}
	return facts;
}

describe('the server’s done rule (badges) and the app’s agree', () => {
	const pathway = withExercises(makePathway('agree', 3, 4));
	const lessons = pathway.modules.flatMap((m) => m.lessons.map((l) => l.id));
	const exercises = exercisesByLesson([pathway]);

	it.each([1, 2, 3, 4, 5, 6, 7, 8])('on random histories (seed %i)', (seed) => {
		const events = randomHistory(pathway, 5 + seed * 12, seed);
		const facts = appFacts(events);
		const tallies = serverTallies(events);
		for (const lesson of lessons) {
			const ids = exercises.get(lesson) ?? [];
			expect(server.isDone(tallies.get(lesson), ids), lesson).toBe(
				isDone(facts.get(lesson) ?? NO_FACTS, ids)
			);
		}
	});

	it('on a lesson with exercises: done only once each has passed, after finishing', () => {
		const base = { module: 'm', pathway: 'p', lesson: 'l1', at: '2026-03-01T10:00:00.000Z' };
		const ids = ['one', 'two'];
		const check = (id: string, exercise: string, passed: boolean): ProgressEvent => ({
			...base,
			id,
			type: 'exercise_checked',
			exercise,
			passed,
			failed: passed ? [] : [0]
		});
		const steps: ProgressEvent[] = [
			{ ...base, id: 'a', type: 'quiz_completed', correct: 4, total: 4, passed: true },
			check('b', 'one', true),
			check('c', 'two', false),
			check('d', 'two', true)
		];
		const seen: boolean[][] = [];
		for (let n = 1; n <= steps.length; n++) {
			const events = steps.slice(0, n);
			seen.push([
				server.isDone(serverTallies(events).get('l1'), ids),
				isDone(appFacts(events).get('l1') ?? NO_FACTS, ids)
			]);
		}
		expect(seen).toEqual([
			[false, false],
			[false, false],
			[false, false],
			[true, true]
		]);
		// Without exercises the quiz alone is enough, as before issue #16.
		expect(server.isDone(serverTallies(steps.slice(0, 1)).get('l1'), [])).toBe(true);
		expect(server.isDone(undefined, [])).toBe(false);
	});
});
