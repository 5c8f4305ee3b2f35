import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import { exerciseTitle, lessonTitle } from './lesson-title';

describe('lessonTitle and exerciseTitle', () => {
	const pathway = makePathway('p', 1, 2);
	const [first, second] = pathway.modules[0]?.lessons ?? [];
	if (!first || !second) throw new Error('the factory made no lessons');
	first.exercises = ['first-heading', 'a-list'];
	first.exerciseTitles = ['Your first heading', 'A shopping list'];
	// A lesson from a catalog stored before it carried titles.
	second.exercises = ['colours'];

	it('names a lesson by its title, or its id when the pathway has no such lesson', () => {
		expect(lessonTitle(pathway)('p-m1-l1')).toBe('Lesson 1.1');
		expect(lessonTitle(pathway)('gone')).toBe('gone');
	});

	it('names an exercise by its title where the pathway gives it, else by its id', () => {
		const title = exerciseTitle(pathway);
		expect(title('p-m1-l1', 'a-list')).toBe('A shopping list');
		expect(title('p-m1-l2', 'colours')).toBe('colours');
		expect(title('p-m1-l2', 'a-list')).toBe('a-list');
		expect(title('gone', 'first-heading')).toBe('first-heading');
	});
});
