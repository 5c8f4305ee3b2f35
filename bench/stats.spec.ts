import { describe, expect, it } from 'vitest';
import { median } from './stats';

describe('median', () => {
	it('takes the middle value of an odd count, in any order', () => {
		expect(median([5, 1, 3])).toBe(3);
	});
	it('averages the middle two of an even count', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
	it('refuses an empty list', () => {
		expect(() => median([])).toThrow('empty');
	});
});
