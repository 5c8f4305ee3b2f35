import { lessonUrl, moduleUrl, pathwayUrl } from '../../src/lib/content/urls';
import { ANCHOR_PREFIX } from './anchors';
import { NUMBERED } from './folders';
import { sizeProblem } from './limits';
import { resolveRelative } from './paths';
import { picturePath } from './picture-path';
import { renderMarkdown } from './render';
import type { Sanitiser } from './sanitize';

/** The app URL of every pathway.md, module.md and lesson file. */
export function contentUrls(files: Iterable<string>): Map<string, string> {
	const urls = new Map<string, string>();
	for (const file of files) {
		const parts = file.split('/');
		const slugs = parts.map((p) => NUMBERED.exec(p.replace(/\.md$/, ''))?.[2]);
		if (parts.length === 2 && parts[1] === 'pathway.md' && slugs[0]) {
			urls.set(file, pathwayUrl(slugs[0]));
		} else if (parts.length === 3 && parts[2] === 'module.md' && slugs[0] && slugs[1]) {
			urls.set(file, moduleUrl(slugs[0], slugs[1]));
		} else if (parts.length === 3 && slugs[0] && slugs[1] && slugs[2]) {
			urls.set(file, lessonUrl(slugs[0], slugs[1], slugs[2]));
		}
	}
	return urls;
}

/** What rendering a file needs to know of the others. */
export interface RenderFiles {
	/** The app URL of a content file, by its path relative to content/. */
	urlOf(path: string): string | undefined;
	/** The media hash of a picture as published, by its path relative to content/, if known. */
	pictureHash(path: string): string | undefined;
}

/** A body as lesson HTML, and the hashes of the pictures it places, in order. */
export interface Rendered {
	html: string;
	media: string[];
}

/**
 * The Markdown body of `file` as HTML: a link to another content file becomes its app URL,
 * an #anchor gets the heading ids' prefix, and a picture becomes a figure that names its
 * media by hash (the picture is a separate resource, which a phone may leave out).
 */
export function renderContent(
	file: string,
	body: string,
	files: RenderFiles,
	sanitiser: Sanitiser
): Rendered {
	// Too big to parse in good time: checkBody reports it, and nothing is rendered.
	if (sizeProblem(body)) return { html: '', media: [] };
	const media = new Set<string>();
	const { html } = renderMarkdown(
		body,
		{
			link(href) {
				if (href.startsWith('#')) return `#${prefixed(href.slice(1))}`;
				if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return undefined;
				const target = resolveRelative(file, href);
				if ('problem' in target) return undefined;
				const url = files.urlOf(target.path);
				return url && (target.anchor ? `${url}#${prefixed(target.anchor)}` : url);
			},
			picture(src) {
				const place = picturePath(file, src);
				const hash = 'path' in place ? files.pictureHash(place.path) : undefined;
				if (hash) media.add(hash);
				return hash;
			}
		},
		sanitiser
	);
	return { html, media: [...media] };
}

/** An editor's anchor as the heading's id: "#two-words" → "#user-content-two-words". */
function prefixed(anchor: string): string {
	return anchor.startsWith(ANCHOR_PREFIX) ? anchor : ANCHOR_PREFIX + anchor;
}
