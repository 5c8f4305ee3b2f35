import { FileReport } from '../../../scripts/content/diagnostics';
import {
	compilePicture,
	publishedPicture,
	type PictureTools
} from '../../../scripts/content/pictures';
import { createSanitiser, type Sanitiser } from '../../../scripts/content/sanitize';

/**
 * The compile's sanitiser on the browser's own window, with pictures compiled as the CLI
 * compiles them (node-sanitiser.ts) but for one step: the pictures here are the server's own
 * published media (EditorClient.published), so an SVG is taken as published. The contract
 * check is pb_hooks/lib/svg-contract.js, which only Node and the server can load (the CSP
 * allows no eval); the publish route checks every SVG against it again.
 * The compile is synchronous and the browser's gzip (CompressionStream) is not, so each
 * picture's published data is gzipped ahead, here.
 */
export async function browserSanitiser(
	assets: ReadonlyMap<string, Uint8Array>
): Promise<Sanitiser> {
	const sizes = new Map<string, number>();
	const tools: PictureTools = {
		publishedSvg: asPublished,
		gzipSize: (data) => sizes.get(data) ?? data.length
	};
	for (const [path, bytes] of assets) {
		// Problems are reported by the compile itself; this pass only measures.
		const picture = publishedPicture(path, bytes, new FileReport(path, ''), asPublished);
		if (picture && !sizes.has(picture.data)) sizes.set(picture.data, await gzipSize(picture.data));
	}
	return {
		...createSanitiser(window),
		picture: (file, bytes, report) => compilePicture(file, bytes, report, tools)
	};
}

function asPublished(bytes: Uint8Array, report: FileReport): string | undefined {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		report.error(0, 'this drawing is not saved as UTF-8: save it again as UTF-8');
		return undefined;
	}
}

/** The gzip size of a text, as a learner's download costs it (CompressionStream). */
export async function gzipSize(text: string): Promise<number> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return (await new Response(stream).arrayBuffer()).byteLength;
}
