import { describe, expect, it } from 'vitest';
import { learnerEvents, learnerNames } from './dashboard-learners';
import { pathwayLessons } from './dashboard-pathway';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const places = pathwayLessons();

describe('learnerEvents', () => {
	it('gives exactly the asked number of events, the same for the same seed, valid for the push route', () => {
		const events = learnerEvents(7, places, 100, NOW);
		expect(events).toHaveLength(100);
		expect(learnerEvents(7, places, 100, NOW).map((e) => e.type)).toEqual(
			events.map((e) => e.type)
		);
		expect(new Set(events.map((e) => e.id)).size).toBe(100);
		for (const event of events) {
			expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
			expect(Date.parse(event.at)).toBeLessThanOrEqual(NOW);
			expect(Date.parse(event.at)).toBeGreaterThan(NOW - 43 * DAY);
			if (event.type === 'quiz_completed') {
				expect(event.correct).toBeLessThanOrEqual(event.total);
				expect(event.passed).toBe(event.correct / event.total >= 0.7);
			}
		}
	});

	it('puts learners at different points, some stuck on a quiz and some quiet for a week or more', () => {
		const learners = Array.from({ length: 200 }, (_, seed) =>
			learnerEvents(seed, places, 100, NOW)
		);
		const furthest = learners.map((events) =>
			Math.max(...events.map((e) => places.findIndex((p) => p.lesson === e.lesson)))
		);
		expect(Math.min(...furthest)).toBeLessThan(15);
		expect(Math.max(...furthest)).toBeGreaterThan(35);
		const stuck = learners.filter((events) => {
			const fails = new Map<string, number>();
			const passed = new Set<string>();
			for (const e of events) {
				if (e.type !== 'quiz_completed') continue;
				if (e.passed) passed.add(e.lesson);
				else fails.set(e.lesson, (fails.get(e.lesson) ?? 0) + 1);
			}
			return [...fails].some(([lesson, n]) => n >= 3 && !passed.has(lesson));
		});
		expect(stuck.length).toBeGreaterThan(10);
		const quiet = learners.filter((events) => Date.parse(events.at(-1)?.at ?? '') < NOW - 7 * DAY);
		expect(quiet.length).toBeGreaterThan(15);
	});
});

describe('learnerNames', () => {
	it('gives different names', () => {
		expect(new Set(learnerNames(6, 500)).size).toBe(500);
	});
});
