import { describe, expect, it } from 'vitest';
import { tallyEvents } from '$lib/tutor/cohort-state';
import { buildDashboard } from '$lib/tutor/dashboard';
import type { TutorEvent } from '$lib/tutor/types';
import { makePathway, withExercises } from '../../../tests/factories/catalog';
import { randomHistory } from '../../../tests/factories/events';
import { exercisesByLesson } from './catalog-exercises';
import { byLesson, pathwayProgress } from './derive';
import type { ProgressEvent } from './event-types';
import { summarise } from './lesson-summary';

/** Half its lessons have two exercises each: done needs them passed too. */
const pathway = withExercises(makePathway('p', 3, 4));
const exercises = exercisesByLesson([pathway]);
const lessons = pathway.modules.flatMap((m) => m.lessons.map((l) => l.id));
const THRESHOLDS = { quiz_fails: 2, quiz_low_score: 50, quiet_days: 7, behind_lessons: 5 };

/** The events as the tutor's dashboard receives them: no single answers, with who and when. */
function asTutorSees(events: readonly ProgressEvent[]): TutorEvent[] {
	return events.flatMap((event, seq) =>
		event.type === 'quiz_answered'
			? []
			: [{ ...event, user: 'learner', seq, received: event.at } as TutorEvent]
	);
}

describe('the learner and the tutor agree on which lessons are done', () => {
	it.each(Array.from({ length: 30 }, (_, i) => i + 1))('history %i', (seed) => {
		const events = randomHistory(pathway, 20 + seed * 8, seed);
		const summaries = byLesson([...summarise(events, (l) => exercises.get(l)).values()]);
		const learner = pathwayProgress(pathway, summaries);
		const tutor = buildDashboard(
			pathway,
			[
				{
					id: 'learner',
					membership: 'm',
					name: 'A',
					email: 'a@example.org',
					joined: '2026-03-01T00:00:00Z'
				}
			],
			tallyEvents(asTutorSees(events)),
			THRESHOLDS,
			Date.parse('2026-04-01T00:00:00Z')
		).rows[0];

		expect(tutor?.completed).toBe(learner.completed);
		expect(tutor?.modules).toEqual(learner.modules.map((m) => m.completed));
		lessons.forEach((id, i) => {
			const record = tutor?.lessons[i];
			const summary = summaries.get(id);
			const done = summary?.state === 'done';
			// Whether it is done, and since when, is the same on both sides; the grid's state
			// says how (needs help can be either: a quiz failed again, after a completion or not).
			expect(record?.doneAt).toBe(summary?.doneAt);
			const states = done
				? ['completed', 'quiz_passed', 'needs_help']
				: ['not_started', 'opened', 'needs_help'];
			expect(states).toContain(record?.state);
		});
	});

	it('a passed quiz alone makes a lesson without exercises done on both sides', () => {
		const [lesson, module] = ['p-m1-l2', 'p-m1'];
		const passed: ProgressEvent = {
			id: 'e1',
			type: 'quiz_completed',
			lesson,
			module,
			pathway: 'p',
			at: '2026-03-02T10:00:00.000Z',
			correct: 4,
			total: 4,
			passed: true
		};
		const learner = pathwayProgress(pathway, byLesson([...summarise([passed]).values()]));
		const tutor = buildDashboard(
			pathway,
			[{ id: 'learner', membership: 'm', name: 'A', email: 'a@example.org', joined: passed.at }],
			tallyEvents(asTutorSees([passed])),
			THRESHOLDS,
			Date.parse('2026-03-03T00:00:00Z')
		).rows[0];
		expect(learner.completed).toBe(1);
		expect(tutor?.completed).toBe(1);
		expect(tutor?.lessons[1]?.state).toBe('quiz_passed');
	});

	it('a lesson with exercises is done on both sides only once each has passed', () => {
		const place = { lesson: 'p-m1-l1', module: 'p-m1', pathway: 'p' };
		const at = (hour: number) => `2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z`;
		const steps: ProgressEvent[] = [
			{ ...place, id: 'e1', type: 'lesson_completed', at: at(9) },
			{
				...place,
				id: 'e2',
				type: 'exercise_checked',
				at: at(10),
				exercise: 'p-m1-l1-a',
				passed: true,
				failed: []
			},
			{
				...place,
				id: 'e3',
				type: 'exercise_checked',
				at: at(11),
				exercise: 'p-m1-l1-b',
				passed: false,
				failed: [1]
			},
			{
				...place,
				id: 'e4',
				type: 'exercise_checked',
				at: at(12),
				exercise: 'p-m1-l1-b',
				passed: true,
				failed: []
			}
		];
		const seen = steps.map((_, n) => {
			const events = steps.slice(0, n + 1);
			const summaries = byLesson([...summarise(events, (l) => exercises.get(l)).values()]);
			const row = buildDashboard(
				pathway,
				[{ id: 'learner', membership: 'm', name: 'A', email: 'a@example.org', joined: at(8) }],
				tallyEvents(asTutorSees(events)),
				THRESHOLDS,
				Date.parse('2026-03-03T00:00:00Z')
			).rows[0];
			const record = row?.lessons[0];
			return [
				pathwayProgress(pathway, summaries).completed,
				row?.completed,
				`${record?.exercisesPassed}/${record?.exercises}`,
				record?.doneAt
			];
		});
		expect(seen).toEqual([
			[0, 0, '0/2', undefined],
			[0, 0, '1/2', undefined],
			[0, 0, '1/2', undefined],
			[1, 1, '2/2', at(12)]
		]);
	});
});
