import { describe, expect, it } from 'vitest';
import { fitUnder, fitWithin, LONGEST_SIDE, QUALITIES, type Attempt } from './picture-size';

/** A stand-in for the canvas: bytes grow with the pixels and the quality, as JPEG's do. */
const encoder = (bytesPerPixelAtFull: number) => {
	const tried: Attempt[] = [];
	const encode = async (attempt: Attempt) => {
		tried.push(attempt);
		return {
			size: Math.round(attempt.width * attempt.height * attempt.quality * bytesPerPixelAtFull)
		};
	};
	return { tried, encode };
};

describe('resizing a picture', () => {
	it('scales the longest side down to the limit, keeping the shape, never up', () => {
		expect(fitWithin({ width: 4000, height: 3000 }, LONGEST_SIDE)).toEqual({
			width: 1200,
			height: 900
		});
		expect(fitWithin({ width: 3000, height: 4000 }, 1200)).toEqual({ width: 900, height: 1200 });
		expect(fitWithin({ width: 640, height: 480 }, 1200)).toEqual({ width: 640, height: 480 });
	});
});

describe('stepping the quality down until a picture fits', () => {
	it('keeps the best quality when it already fits', async () => {
		const { tried, encode } = encoder(0.05);
		const fitted = await fitUnder({ width: 4000, height: 3000 }, 100 * 1024, encode);
		expect(fitted?.attempt).toEqual({ width: 1200, height: 900, quality: QUALITIES[0] });
		expect(tried).toHaveLength(1);
	});

	it('tries lower qualities in turn and stops at the first that fits', async () => {
		const { tried, encode } = encoder(0.2);
		const fitted = await fitUnder({ width: 1200, height: 900 }, 100 * 1024, encode);
		expect(fitted?.result.size).toBeLessThanOrEqual(100 * 1024);
		expect(tried.map((t) => t.quality)).toEqual(QUALITIES.slice(0, tried.length));
		expect(fitted?.attempt.quality).toBe(0.42);
	});

	it('shrinks the picture when the lowest quality is still too big', async () => {
		const { tried, encode } = encoder(1);
		const fitted = await fitUnder({ width: 1200, height: 900 }, 100 * 1024, encode);
		expect(fitted?.attempt.width).toBeLessThan(1200);
		expect(fitted?.result.size).toBeLessThanOrEqual(100 * 1024);
		expect(tried.length).toBeGreaterThan(QUALITIES.length);
	});

	it('gives up rather than make a picture too small to see', async () => {
		const { encode } = encoder(100);
		expect(await fitUnder({ width: 1200, height: 900 }, 100 * 1024, encode)).toBeUndefined();
	});
});
