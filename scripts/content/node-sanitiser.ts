import { JSDOM } from 'jsdom';
import { createSanitiser, type Sanitiser } from './sanitize';

let sanitiser: Sanitiser | undefined;

/** The sanitiser in Node, on a jsdom window made once (the browser passes its own window). */
export function nodeSanitiser(): Sanitiser {
	sanitiser ??= createSanitiser(new JSDOM('').window as unknown as Window);
	return sanitiser;
}
