import { sha256 as sha256Bytes } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { MEDIA, type MediaType } from './allow-list';
import type { FileReport } from './diagnostics';
import { toBase64 } from './paths';
import { pictureType } from './picture-path';

/** A picture as published: a separate resource of its pathway, named by the sha256 of `data`. */
export interface CompiledMedia {
	hash: string;
	type: MediaType;
	/** An SVG's text as the publish step wrote it, or a raster picture's bytes in base64. */
	data: string;
	/** The gzip size of `data`: what the picture costs a learner's mobile data. */
	gzipBytes: number;
	/** Its path relative to content/, for editors' messages; not published. */
	file: string;
}

/** Sizes over which a picture gets a warning, and the budget of one pathway's pictures. */
export const SVG_WARN_GZIP = 12 * 1024;
export const RASTER_WARN_BYTES = 100 * 1024;
export const PATHWAY_BUDGET_GZIP = 120 * 1024;

/** What compiling a picture needs of its platform: Node's (node-sanitiser.ts) or the browser's. */
export interface PictureTools {
	/**
	 * An SVG's text as published, or undefined with its problems in `report`: in Node the
	 * contract checked and the drawing sanitised (svg-picture.ts); see browser-sanitiser.ts.
	 */
	publishedSvg(bytes: Uint8Array, report: FileReport): string | undefined;
	/** The gzip size of a picture's published data (Node's zlib, or the browser's CompressionStream, measured ahead). */
	gzipSize(data: string): number;
}

/** A picture's type and data as published, or undefined (with the reasons in `report`). */
export function publishedPicture(
	file: string,
	bytes: Uint8Array,
	report: FileReport,
	publishedSvg: PictureTools['publishedSvg']
): { type: MediaType; data: string } | undefined {
	const type = pictureType(file);
	if (!type) return undefined;
	const data = type === 'svg' ? publishedSvg(bytes, report) : rasterData(type, bytes, report);
	return data === undefined ? undefined : { type, data };
}

/**
 * A picture file as it will be published, or undefined (with the reasons in `report`) when it
 * cannot be: an SVG that breaks the contract, a file that is not what its name says, or one
 * too big for the server. Size warnings do not stop it. The same in Node and the browser.
 */
export function compilePicture(
	file: string,
	bytes: Uint8Array,
	report: FileReport,
	tools: PictureTools
): CompiledMedia | undefined {
	const picture = publishedPicture(file, bytes, report, tools.publishedSvg);
	if (!picture) return undefined;
	const { type, data } = picture;
	if (data.length > MEDIA.maxChars) {
		report.error(
			0,
			`this picture is ${kb(bytes.length)}: the server takes pictures up to ${kb(MEDIA.maxChars * 0.75)}; make it smaller`
		);
		return undefined;
	}
	const gzipBytes = tools.gzipSize(data);
	if (type === 'svg' && gzipBytes > SVG_WARN_GZIP) {
		report.warn(
			0,
			`this drawing is ${kb(gzipBytes)} compressed: keep an SVG under ${kb(SVG_WARN_GZIP)} (fewer points, rounder numbers), learners download it over mobile data`
		);
	} else if (type !== 'svg' && bytes.length > RASTER_WARN_BYTES) {
		report.warn(
			0,
			`this picture is ${kb(bytes.length)}: keep pictures under ${kb(RASTER_WARN_BYTES)} (smaller, or saved as .webp), learners download them over mobile data`
		);
	}
	return { hash: sha256(data), type, data, gzipBytes, file };
}

function rasterData(type: MediaType, bytes: Uint8Array, report: FileReport): string | undefined {
	const data = toBase64(bytes);
	const start = MEDIA.types[type].base64Start ?? '';
	if (!data.startsWith(start)) {
		report.error(
			0,
			`this file is not really a ${type.toUpperCase()} picture: its contents do not match its name; export it again from your picture program`
		);
		return undefined;
	}
	return data;
}

/** Synchronous like the compile, the same in Node and the browser (content-hash.ts). */
export function sha256(text: string): string {
	return bytesToHex(sha256Bytes(utf8ToBytes(text)));
}

/** "12.3 KB": picture sizes for editors. */
export function kb(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}
