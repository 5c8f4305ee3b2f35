import { describe, expect, it } from 'vitest';
import { describeChanges } from './publish-summary';

describe('describeChanges', () => {
	it('counts by kind and change, leaving out what is unchanged', () => {
		expect(
			describeChanges([
				{ kind: 'lessons', id: 'a', change: 'updated', version: 2 },
				{ kind: 'lessons', id: 'b', change: 'updated', version: 3 },
				{ kind: 'media', id: 'c', change: 'created', version: 1 },
				{ kind: 'modules', id: 'd', change: 'unchanged', version: 1 },
				{ kind: 'lessons', id: 'e', change: 'unpublished', version: 1 }
			])
		).toBe('2 lessons updated, 1 picture new, 1 lesson removed.');
	});

	it('says so when nothing changes', () => {
		expect(describeChanges([{ kind: 'pathways', id: 'a', change: 'unchanged', version: 1 }])).toBe(
			'Nothing changes for learners.'
		);
	});
});
