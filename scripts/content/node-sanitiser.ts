import { JSDOM } from 'jsdom';
import { compilePicture } from './pictures';
import { createSanitiser, type Sanitiser } from './sanitize';

let sanitiser: Sanitiser | undefined;

/**
 * The sanitiser in Node, on a jsdom window made once (the browser passes its own window), with
 * pictures checked against the SVG contract and sanitised as they are published.
 */
export function nodeSanitiser(): Sanitiser {
	sanitiser ??= {
		...createSanitiser(new JSDOM('').window as unknown as Window),
		picture: compilePicture
	};
	return sanitiser;
}
