import { describe, expect, it } from 'vitest';
import { calibratedMultiplier } from './cpu-multiplier';

describe("Lighthouse's CPU slowdown for the host it runs on", () => {
	it('is the default 4× on a high-end desktop, less on a slower host, never below 1×', () => {
		expect(calibratedMultiplier(1750)).toBe(4);
		expect(calibratedMultiplier(875)).toBe(2);
		expect(calibratedMultiplier(617.5)).toBe(1.4);
		expect(calibratedMultiplier(250)).toBe(1);
	});
});
