import { bodyOf } from './frontmatter';
import { sizeProblem } from './limits';
import { contentUrls, type RenderFiles } from './links';
import { anchorsIn } from './markdown';

/** What checking and rendering one file needs to know of the others in content/. */
export interface ContentFiles extends RenderFiles {
	markdownExists(path: string): boolean;
	assetExists(path: string): boolean;
	/** The heading anchors of another content file, or undefined when it is not known. */
	anchorsOf(path: string): ReadonlySet<string> | undefined;
}

/**
 * The content files of a whole content/ folder, held in memory. `pictureHash` names a picture
 * as published (the compile's, in Node); without it, pictures are placed without a hash.
 */
export function contentFiles(
	markdown: ReadonlyMap<string, string>,
	assets: ReadonlyMap<string, Uint8Array>,
	pictureHash: (path: string) => string | undefined = () => undefined
): ContentFiles {
	const urls = contentUrls(markdown.keys());
	const anchors = new Map<string, Set<string>>();
	return {
		markdownExists: (path) => markdown.has(path),
		assetExists: (path) => assets.has(path),
		pictureHash,
		urlOf: (path) => urls.get(path),
		anchorsOf(path) {
			const text = markdown.get(path);
			if (text === undefined) return undefined;
			let found = anchors.get(path);
			if (!found) {
				const body = bodyOf(text);
				// Too big to parse: that file's own check says so; its anchors stay unknown.
				if (sizeProblem(body)) return undefined;
				found = anchorsIn(body);
				anchors.set(path, found);
			}
			return found;
		}
	};
}
