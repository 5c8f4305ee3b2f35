import { describe, expect, it } from 'vitest';
import { fromValues } from './from-values';

describe('fromValues', () => {
	it('pairs each key with the value in its place', () => {
		expect(fromValues(['nav_home', 'week_done'], ['Start', { one: 'a', other: 'b' }])).toEqual({
			nav_home: 'Start',
			week_done: { one: 'a', other: 'b' }
		});
	});

	it('refuses values that do not match the keys (a file from another build)', () => {
		expect(() => fromValues(['a', 'b'], ['x'])).toThrow('1 messages for 2 keys');
	});
});
