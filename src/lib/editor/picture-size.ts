/** The longest side a picture is resized to: sharp on a phone, small to download. */
export const LONGEST_SIDE = 1200;
/** The qualities tried in turn, best first, until the picture fits under the limit. */
export const QUALITIES = [0.82, 0.72, 0.62, 0.52, 0.42];
/** After the lowest quality, the picture shrinks by this much and the qualities start again. */
const SHRINK = 0.75;
/** Below this longest side a picture is no use in a lesson: give up and say so. */
const SMALLEST_SIDE = 320;

export interface Size {
	width: number;
	height: number;
}

/** `size` scaled down (never up) so that its longest side is at most `longest`. */
export function fitWithin(size: Size, longest: number): Size {
	const scale = Math.min(1, longest / Math.max(size.width, size.height));
	return {
		width: Math.max(1, Math.round(size.width * scale)),
		height: Math.max(1, Math.round(size.height * scale))
	};
}

/** One try: the size and quality to encode at. */
export interface Attempt extends Size {
	quality: number;
}

/**
 * Encodes at the best quality whose result fits in `limit` bytes, stepping the quality down,
 * then the size, and returns the first that fits with what it was made at; undefined when
 * even the smallest useful picture does not fit. `encode` does the drawing (the browser's
 * canvas, picture-encode.ts), so this stays pure.
 */
export async function fitUnder<T extends { size: number }>(
	original: Size,
	limit: number,
	encode: (attempt: Attempt) => Promise<T>
): Promise<{ result: T; attempt: Attempt } | undefined> {
	let size = fitWithin(original, LONGEST_SIDE);
	for (;;) {
		for (const quality of QUALITIES) {
			const attempt = { ...size, quality };
			const result = await encode(attempt);
			if (result.size <= limit) return { result, attempt };
		}
		const longest = Math.round(Math.max(size.width, size.height) * SHRINK);
		if (longest < SMALLEST_SIDE) return undefined;
		size = fitWithin(size, longest);
	}
}
