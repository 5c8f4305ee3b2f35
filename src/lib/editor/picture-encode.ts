import { fitUnder, type Attempt } from './picture-size';

/** A picture made ready for a lesson: its bytes, type and what it was made from. */
export interface PreparedPicture {
	bytes: Uint8Array;
	type: 'webp' | 'jpg';
	width: number;
	height: number;
	quality: number;
}

/**
 * A photo or screenshot resized (longest side 1200 px) and compressed in the browser until it
 * is at most `limit` bytes, or undefined if even a small one is not. WebP, or JPEG where the
 * browser cannot write WebP (Safari before 17 hands back a PNG for an unknown type).
 *
 * No library: createImageBitmap decodes (turning the picture upright by its EXIF orientation,
 * `imageOrientation: 'from-image'`) and a canvas resizes and encodes; the compression
 * libraries wrap these same calls and would add their size to the editor for nothing more.
 */
export async function preparePicture(
	file: Blob,
	limit: number
): Promise<PreparedPicture | undefined> {
	const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	try {
		let type: PreparedPicture['type'] = 'webp';
		const encode = async (attempt: Attempt) => {
			if (type === 'webp') {
				const blob = await draw(bitmap, attempt, 'image/webp');
				if (blob.type === 'image/webp') return blob;
				type = 'jpg';
			}
			return draw(bitmap, attempt, 'image/jpeg');
		};
		const fitted = await fitUnder(bitmap, limit, encode);
		if (!fitted) return undefined;
		const bytes = new Uint8Array(await fitted.result.arrayBuffer());
		return { bytes, type, ...fitted.attempt };
	} finally {
		bitmap.close();
	}
}

async function draw(bitmap: ImageBitmap, { width, height, quality }: Attempt, mime: string) {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('this browser cannot draw pictures: try another browser');
	// A transparent PNG would turn black as a JPEG: white behind it, as on a page.
	context.fillStyle = '#fff';
	context.fillRect(0, 0, width, height);
	context.imageSmoothingQuality = 'high';
	context.drawImage(bitmap, 0, 0, width, height);
	const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, mime, quality));
	if (!blob) throw new Error('the picture could not be made smaller: try another file');
	return blob;
}
