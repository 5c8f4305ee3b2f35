import { describe, expect, it } from 'vitest';
import { tallyEvents } from '$lib/tutor/cohort-state';
import { buildDashboard } from '$lib/tutor/dashboard';
import type { TutorEvent } from '$lib/tutor/types';
import { makePathway } from '../../../tests/factories/catalog';
import { randomHistory } from '../../../tests/factories/events';
import { byLesson, pathwayProgress } from './derive';
import type { ProgressEvent } from './event-types';
import { summarise } from './lesson-summary';

const pathway = makePathway('p', 3, 4);
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
		const events = randomHistory(pathway, 20 + seed * 3, seed);
		const summaries = byLesson([...summarise(events).values()]);
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

	it('a passed quiz alone makes the lesson done on both sides', () => {
		const [lesson, module] = ['p-m1-l1', 'p-m1'];
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
		expect(tutor?.lessons[0]?.state).toBe('quiz_passed');
	});
});
