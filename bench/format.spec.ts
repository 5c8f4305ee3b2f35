import { describe, expect, it } from 'vitest';
import { kb, medianMs, ms, seconds, spread } from './format';

describe('benchmark figures', () => {
	it('write times and sizes rounded, with their unit', () => {
		expect(ms(199.6)).toBe('200 ms');
		expect(seconds(421_700)).toBe('422 s');
		expect(kb(102_195)).toBe('99.8 KB');
		expect(kb(102_195, 0)).toBe('100 KB');
	});

	it('give the median with the range, and a dash for nothing measured', () => {
		expect(spread([120.4, 95, 310.2])).toBe('120 ms (95–310)');
		expect(medianMs([3, 1, 2])).toBe('2 ms');
		expect(spread([])).toBe('—');
		expect(medianMs([])).toBe('—');
	});
});
