import { fromBase64 } from '../../../scripts/content/paths';
import { slugOf } from './new-lesson';

/** The picture types the editor inserts, by file extension: what the drafts route takes. */
export type InsertedType = 'webp' | 'jpg' | 'svg';

/** A picture ready to insert: its draft (file and data as published) and its Markdown. */
export interface InsertedPicture {
	file: string;
	/** A raster's base64 or a drawing's text: the draft's text, and the data published. */
	data: string;
	bytes: Uint8Array;
	markdown: string;
}

/** Where a picture draft sits in content/, like pb_hooks/lib/drafts.js's PICTURE. */
const PICTURE_FILE =
	/^[0-9]+-[a-z0-9-]+\/[0-9]+-[a-z0-9-]+\/images\/[a-z0-9-]+\.(webp|jpg|png|svg)$/;

/** Whether a draft's file is a picture (its text is the picture's data) rather than Markdown. */
export function isPictureFile(file: string): boolean {
	return PICTURE_FILE.test(file);
}

/**
 * A new picture’s path from its lesson, `images/<slug>.<ext>`, named from the first six words
 * of its alt text (a name an editor recognises in the file list), made unique among the
 * module's pictures: `-2`, `-3`… Its file in content/ is the module folder plus that path.
 */
export function pictureFileFor(
	lessonFile: string,
	alt: string,
	type: InsertedType,
	existing: Iterable<string>
): { src: string; file: string } {
	const moduleDir = lessonFile.split('/').slice(0, 2).join('/');
	const words = slugOf(alt).split('-').slice(0, 6).join('-').slice(0, 40).replace(/-+$/, '');
	const slug = words || 'picture';
	// Any extension counts: an SVG and a WebP of one name would be two pictures with one name.
	const taken = new Set(
		[...existing]
			.filter((file) => file.startsWith(`${moduleDir}/images/`))
			.map((file) => file.slice(`${moduleDir}/images/`.length).replace(/\.[a-z]+$/, ''))
	);
	let name = slug;
	for (let n = 2; taken.has(name); n++) name = `${slug}-${n}`;
	const src = `images/${name}.${type}`;
	return { src, file: `${moduleDir}/${src}` };
}

/** A picture draft's file as bytes: a drawing's text, or a raster's base64 decoded. */
export function pictureBytes(file: string, text: string): Uint8Array {
	return file.endsWith('.svg') ? new TextEncoder().encode(text) : fromBase64(text);
}
