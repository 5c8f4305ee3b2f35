import { FileReport } from '../../../scripts/content/diagnostics';
import { compilePicture, publishedPicture } from '../../../scripts/content/pictures';
import { createSanitiser, type Sanitiser } from '../../../scripts/content/sanitize';
import { svgSanitiser } from '../../../scripts/content/sanitize-svg';

/**
 * The compile's sanitiser on the browser's own window, with pictures compiled as the CLI
 * compiles them (node-sanitiser.ts). The compile is synchronous and the browser's gzip
 * (CompressionStream) is not, so each picture's published data is gzipped ahead, here.
 */
export async function browserSanitiser(
	assets: ReadonlyMap<string, Uint8Array>
): Promise<Sanitiser> {
	const sanitiseSvg = svgSanitiser(window);
	const sizes = new Map<string, number>();
	for (const [path, bytes] of assets) {
		// Problems are reported by the compile itself; this pass only measures.
		const picture = publishedPicture(path, bytes, new FileReport(path, ''), sanitiseSvg);
		if (picture && !sizes.has(picture.data)) sizes.set(picture.data, await gzipSize(picture.data));
	}
	const tools = { sanitiseSvg, gzipSize: (data: string) => sizes.get(data) ?? data.length };
	return {
		...createSanitiser(window),
		picture: (file, bytes, report) => compilePicture(file, bytes, report, tools)
	};
}

async function gzipSize(text: string): Promise<number> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return (await new Response(stream).arrayBuffer()).byteLength;
}
