import { describe, expect, it } from 'vitest';
import { seededRandom } from '$lib/random/seeded-random';
import { makePathway } from '../../../tests/factories/catalog';
import { randomHistory, shuffled } from '../../../tests/factories/events';
import type { ProgressEvent } from './event-types';
import { foldSummary, summarise, withExercises, type LessonSummary } from './lesson-summary';

const place = { lesson: 'p-m1-l1', module: 'p-m1', pathway: 'p' };
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const history: ProgressEvent[] = [
	{ ...place, id: '1', at: at(2), type: 'lesson_opened' },
	{ ...place, id: '2', at: at(3), type: 'quiz_answered', question: 0, correct: false },
	{ ...place, id: '3', at: at(3), type: 'quiz_completed', correct: 2, total: 4, passed: false },
	{ ...place, id: '4', at: at(4), type: 'quiz_completed', correct: 4, total: 4, passed: true },
	{ ...place, id: '5', at: at(5), type: 'quiz_completed', correct: 3, total: 4, passed: true },
	{ ...place, id: '6', at: at(1), type: 'lesson_opened' }
];

/**
 * The summary written out longhand from all of a lesson's events at once: what the fold must
 * always agree with, however the events arrived.
 */
function derivedFromAll(events: readonly ProgressEvent[]): LessonSummary {
	const first = events[0];
	if (!first) throw new Error('no events');
	const times = events.map((e) => e.at).sort();
	const done = events.filter(
		(e) => e.type === 'lesson_completed' || (e.type === 'quiz_completed' && e.passed)
	);
	const quizzes = events.flatMap((e) => (e.type === 'quiz_completed' ? [e] : []));
	const rank = (q: (typeof quizzes)[number]) => [q.passed ? 1 : 0, q.correct / q.total, q.total];
	const best = [...quizzes].sort((a, b) => {
		const [x, y] = [rank(a), rank(b)];
		return (y[0] ?? 0) - (x[0] ?? 0) || (y[1] ?? 0) - (x[1] ?? 0) || (y[2] ?? 0) - (x[2] ?? 0);
	})[0];
	const summary: LessonSummary = {
		lesson: first.lesson,
		module: first.module,
		pathway: first.pathway,
		touched: true,
		completed: events.some((e) => e.type === 'lesson_completed'),
		quizPassed: quizzes.some((q) => q.passed),
		state: done.length > 0 ? 'done' : 'opened',
		firstAt: times[0] ?? '',
		lastAt: times[times.length - 1] ?? ''
	};
	if (done.length > 0) summary.doneAt = summary.finishedAt = done.map((e) => e.at).sort()[0];
	for (const check of events) {
		if (check.type !== 'exercise_checked' || !check.passed) continue;
		const before = summary.exercisesPassed?.[check.exercise];
		if (!before || check.at < before)
			summary.exercisesPassed = { ...summary.exercisesPassed, [check.exercise]: check.at };
	}
	if (best) summary.bestQuiz = { correct: best.correct, total: best.total, passed: best.passed };
	return summary;
}

describe('a lesson summary', () => {
	it('holds the state, the best quiz, the first done time and the span of activity', () => {
		expect(summarise(history).get('p-m1-l1')).toEqual({
			...place,
			touched: true,
			completed: false,
			quizPassed: true,
			state: 'done',
			finishedAt: at(4),
			doneAt: at(4),
			bestQuiz: { correct: 4, total: 4, passed: true },
			firstAt: at(1),
			lastAt: at(5)
		});
	});

	it('is opened, with no done time, until a completion or a pass', () => {
		const summary = foldSummary(undefined, history[0] as ProgressEvent);
		expect(summary).toEqual({
			...place,
			touched: true,
			completed: false,
			quizPassed: false,
			state: 'opened',
			firstAt: at(2),
			lastAt: at(2)
		});
	});

	it('prefers a pass to a higher failed score, in either order', () => {
		const fail = { ...place, id: 'f', at: at(1), type: 'quiz_completed' as const };
		const events: ProgressEvent[] = [
			{ ...fail, correct: 4, total: 5, passed: false },
			{ ...fail, id: 'p', correct: 3, total: 5, passed: true }
		];
		const forwards = summarise(events).get(place.lesson)?.bestQuiz;
		expect(forwards).toEqual({ correct: 3, total: 5, passed: true });
		expect(summarise([...events].reverse()).get(place.lesson)?.bestQuiz).toEqual(forwards);
	});

	it('agrees with the derivation from all events, for random histories in any order, twice over', () => {
		const pathway = makePathway('p', 2, 3);
		for (let seed = 1; seed <= 40; seed++) {
			const events = randomHistory(pathway, 60, seed);
			const random = seededRandom(seed);
			const arrived = shuffled([...events, ...shuffled(events, random).slice(0, 20)], random);
			const folded = summarise(arrived);
			const lessons = new Set(events.map((e) => e.lesson));
			expect([...folded.keys()].sort()).toEqual([...lessons].sort());
			for (const lesson of lessons) {
				expect(folded.get(lesson)).toEqual(
					derivedFromAll(events.filter((e) => e.lesson === lesson))
				);
			}
		}
	});

	it('with exercises: done, and since when, once each has passed; judged again when they change', () => {
		const check = (id: string, day: number, exercise: string): ProgressEvent => ({
			...place,
			id,
			at: at(day),
			type: 'exercise_checked',
			exercise,
			passed: true,
			failed: []
		});
		const events = [...history, check('x1', 6, 'first')];
		const summary = summarise(events, () => ['first', 'second']).get(place.lesson);
		expect(summary).toMatchObject({ state: 'opened', exercises: ['first', 'second'] });
		expect(summary?.doneAt).toBeUndefined();
		const both = foldSummary(summary, check('x2', 7, 'second'));
		expect(both).toMatchObject({ state: 'done', doneAt: at(7), finishedAt: at(4) });
		// An editor removed the second exercise: done since the first passed.
		expect(withExercises(summary as LessonSummary, ['first'])).toMatchObject({
			state: 'done',
			doneAt: at(6),
			exercises: ['first']
		});
		expect(withExercises(both, [])).not.toHaveProperty('exercises');
	});
});
