import { describe, expect, it } from 'vitest';
import type { CatalogPathway } from '$lib/content/catalog-types';
import { exerciseEditorBytes, hasExercises } from './editor-size';

const pathway = (exercises?: string[]) =>
	({
		id: 'p',
		modules: [{ id: 'm', lessons: [{ id: 'a' }, { id: 'b', ...(exercises && { exercises }) }] }]
	}) as unknown as CatalogPathway;

describe('the exercise editor in the download size', () => {
	it('counts for a pathway whose lessons have exercises, and only then', () => {
		expect(hasExercises(pathway(['first-heading']))).toBe(true);
		expect(hasExercises(pathway([]))).toBe(false);
		expect(hasExercises(pathway())).toBe(false);
	});

	it('reads the size the build wrote, asks again after a failure, and never says less than 0', async () => {
		const answers = [
			() => Promise.reject(new TypeError('offline')),
			() => Promise.resolve(Response.json({ bytes: 150_123 }))
		];
		const asked: string[] = [];
		const fetcher = ((url: string) => {
			asked.push(url);
			return (answers.shift() as () => Promise<Response>)();
		}) as typeof fetch;
		expect(await exerciseEditorBytes(fetcher)).toBe(0);
		expect(await exerciseEditorBytes(fetcher)).toBe(150_123);
		// Known now: not asked a third time.
		expect(await exerciseEditorBytes(fetcher)).toBe(150_123);
		expect(asked).toEqual(['/exercise-editor.json', '/exercise-editor.json']);
	});
});
