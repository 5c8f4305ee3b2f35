import { describe, expect, it } from 'vitest';
import { isScreenNotKept } from './screen-not-kept';

describe('isScreenNotKept', () => {
	it("knows each browser's words for a screen's code that could not be fetched", () => {
		for (const message of [
			'Failed to fetch dynamically imported module: http://x/_app/immutable/nodes/20.js',
			'error loading dynamically imported module: http://x/_app/immutable/nodes/20.js',
			'Importing a module script failed.'
		])
			expect(isScreenNotKept(new TypeError(message))).toBe(true);
	});

	it('leaves any other error alone', () => {
		expect(
			isScreenNotKept(new TypeError("Cannot read properties of undefined (reading 'id')"))
		).toBe(false);
		expect(isScreenNotKept(new Error('Failed to fetch dynamically imported module'))).toBe(false);
		expect(isScreenNotKept('Failed to fetch dynamically imported module')).toBe(false);
	});
});
