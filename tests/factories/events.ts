import type { CatalogPathway } from '../../src/lib/content/catalog-types';
import type { ProgressEvent } from '../../src/lib/progress/event-types';
import { seededRandom } from '../../src/lib/random/seeded-random';

/** The items in a random order the seed fixes (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
	}
	return copy;
}

/**
 * A learner's random history on a pathway: `count` events of every type on random lessons, at
 * random times in March 2026, each with a unique id. The same seed gives the same history.
 */
export function randomHistory(
	pathway: CatalogPathway,
	count: number,
	seed: number
): ProgressEvent[] {
	const random = seededRandom(seed);
	const places = pathway.modules.flatMap((m) =>
		m.lessons.map((l) => ({
			place: { lesson: l.id, module: m.id, pathway: pathway.id },
			exercises: l.exercises ?? []
		}))
	);
	return Array.from({ length: count }, (_, i): ProgressEvent => {
		const picked = places[Math.floor(random() * places.length)] ?? places[0];
		if (!picked) throw new Error('a pathway without lessons');
		const base = {
			...picked.place,
			id: `${seed}-${String(i).padStart(5, '0')}`,
			at: new Date(Date.UTC(2026, 2, 1) + Math.floor(random() * 30 * 86_400_000)).toISOString()
		};
		const roll = random();
		if (roll < 0.4) return { ...base, type: 'lesson_opened' };
		if (roll < 0.55) return { ...base, type: 'lesson_completed' };
		if (roll < 0.75)
			return { ...base, type: 'quiz_answered', question: i % 4, correct: random() < 0.5 };
		if (roll < 0.8) {
			const failed = random() < 0.5 ? [] : [i % 3];
			// One of the lesson's own exercises, or a stray one (a lesson that had none then).
			const exercise = picked.exercises[i % (picked.exercises.length + 1)] ?? 'ex';
			return { ...base, type: 'exercise_checked', exercise, passed: !failed.length, failed };
		}
		const total = 3 + Math.floor(random() * 3);
		const correct = Math.floor(random() * (total + 1));
		return { ...base, type: 'quiz_completed', correct, total, passed: correct / total >= 0.7 };
	});
}
