import type { Tokens } from 'marked';
import type { MediaType } from './allow-list';
import { lexMarkdown, markdownParser } from './markdown';
import { fromBase64 } from './paths';
import { picturePath } from './picture-path';
import { isQuizBlock } from './render';

/** A published pathway, module or lesson as the server keeps its file (pb_migrations/…content_sources). */
export interface PublishedFile {
	/** Path relative to content/, checked by the publish route. */
	file: string;
	head: string;
	source: string;
	/** The rendered body, whose pictures are figures naming their media by hash. */
	html: string;
}

/** A published picture (the media collection): an SVG's text, or a raster's base64. */
export interface PublishedMedia {
	type: MediaType;
	data: string;
}

const NUMBERED = '[0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*';
const LANGUAGE = '(?:\\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)?';
const MARKDOWN_PATH = new RegExp(
	`^${NUMBERED}/(?:pathway${LANGUAGE}\\.md|${NUMBERED}/(?:module|${NUMBERED})${LANGUAGE}\\.md)$`
);
/** A picture's path: inside content/, plain characters, no hidden or parent folders. */
const ASSET_PATH = /^(?:[\w-][\w .-]*\/)*[\w-][\w .-]*\.[a-z0-9]+$/i;

/**
 * The content/ tree of what the server publishes: each Markdown file as it was written (its
 * frontmatter and body), and each picture a body shows, at the path its Markdown gives, from
 * the media its HTML names (`media`, by hash). A raster comes back byte for byte; an SVG as
 * published (sanitised: no <title>, comments or indentation). Paths the server gives are
 * checked before anything is written with them.
 */
export function exportFiles(
	published: PublishedFile[],
	media: ReadonlyMap<string, PublishedMedia>
): {
	files: Map<string, Uint8Array>;
	problems: string[];
} {
	const files = new Map<string, Uint8Array>();
	const problems: string[] = [];
	const encoder = new TextEncoder();
	for (const item of published) {
		if (!MARKDOWN_PATH.test(item.file)) {
			problems.push(`"${item.file}" is not a path in content/: not written`);
			continue;
		}
		if (files.has(item.file)) {
			problems.push(`two published items are both ${item.file}: the second was not written`);
			continue;
		}
		files.set(item.file, encoder.encode(item.head + item.source));
		for (const [path, bytes] of pictures(item, media, problems)) {
			const known = files.get(path);
			if (known && !sameBytes(known, bytes)) {
				problems.push(`${path} is shown with two different contents: the first was written`);
			} else files.set(path, bytes);
		}
	}
	return { files, problems };
}

/**
 * The pictures of one body, by path: the n-th image of the Markdown is the n-th <figure> of
 * the HTML, because the renderer keeps the order and the sanitiser removes no figure it wrote.
 */
function pictures(
	item: PublishedFile,
	media: ReadonlyMap<string, PublishedMedia>,
	problems: string[]
): [string, Uint8Array][] {
	const written: string[] = [];
	const tokens = lexMarkdown(item.source).filter((t) => !isQuizBlock(t));
	markdownParser().walkTokens(tokens, (token) => {
		if (token.type === 'image') written.push((token as Tokens.Image).href);
	});
	const placed = [...item.html.matchAll(/<figure\b[^>]*>/g)].map(
		([tag]) => /\sdata-media="([0-9a-f]{64})"/.exec(tag)?.[1]
	);
	if (written.length !== placed.length) {
		if (written.length)
			problems.push(
				`${item.file}: its pictures could not be matched to the page, so they were not written`
			);
		return [];
	}
	const found: [string, Uint8Array][] = [];
	written.forEach((href, i) => {
		const place = picturePath(item.file, href);
		const picture = media.get(placed[i] ?? '');
		if ('problem' in place || !ASSET_PATH.test(place.path)) {
			problems.push(`${item.file}: picture "${href}" is not a path in content/: not written`);
		} else if (!picture) {
			problems.push(`${item.file}: picture "${href}" is not kept on the server: not written`);
		} else {
			found.push([
				place.path,
				picture.type === 'svg' ? new TextEncoder().encode(picture.data) : fromBase64(picture.data)
			]);
		}
	});
	return found;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
