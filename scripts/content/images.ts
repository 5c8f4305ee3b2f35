import type { FileReport } from './diagnostics';
import { extname } from './paths';

const IMAGE_TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp'
};
/** Images are embedded in lesson HTML so a downloaded lesson is whole offline: keep them small. */
export const MAX_IMAGE_BYTES = 200 * 1024;

/** The image's MIME type by its extension, or undefined if it is not an image we embed. */
export function imageType(path: string): string | undefined {
	return IMAGE_TYPES[extname(path)];
}

/** Reports every image too big to embed. */
export function checkImageSizes(
	assets: ReadonlyMap<string, Uint8Array>,
	reportFor: (file: string) => FileReport
): void {
	for (const [path, bytes] of assets) {
		if (imageType(path) && bytes.length > MAX_IMAGE_BYTES) {
			reportFor(path).error(
				0,
				`image is ${Math.round(bytes.length / 1024)} KB: keep images under ${MAX_IMAGE_BYTES / 1024} KB, learners download them over mobile data`
			);
		}
	}
}
