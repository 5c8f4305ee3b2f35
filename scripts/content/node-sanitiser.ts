import { gzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import { compilePicture, type PictureTools } from './pictures';
import { createSanitiser, type Sanitiser } from './sanitize';
import { svgSanitiser } from './sanitize-svg';
import { publishedSvg } from './svg-picture';

let sanitiser: Sanitiser | undefined;

/**
 * The sanitiser in Node, on a jsdom window made once (the browser passes its own window,
 * src/lib/editor/browser-sanitiser.ts), with pictures checked against the SVG contract and
 * sanitised as they are published.
 */
export function nodeSanitiser(): Sanitiser {
	if (sanitiser) return sanitiser;
	const window = new JSDOM('').window as unknown as Window;
	const sanitiseSvg = svgSanitiser(window);
	const tools: PictureTools = {
		publishedSvg: (bytes, report) => publishedSvg(bytes, report, sanitiseSvg),
		gzipSize: (data) => gzipSync(data).length
	};
	sanitiser = {
		...createSanitiser(window),
		picture: (file, bytes, report) => compilePicture(file, bytes, report, tools)
	};
	return sanitiser;
}
