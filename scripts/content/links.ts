import { lessonUrl, moduleUrl, pathwayUrl } from '../../src/lib/content/urls';
import { resolveRelative } from './check-body';
import { NUMBERED } from './folders';
import { picturePath } from './picture-path';
import type { CompiledMedia } from './pictures';
import { renderMarkdown } from './render';

/** A body as lesson HTML, and the hashes of the pictures it places, in order. */
export interface Rendered {
	html: string;
	media: string[];
}

/** The app URL of every pathway.md, module.md and lesson file. */
export function contentUrls(files: string[]): Map<string, string> {
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

/**
 * The Markdown body of `file` as HTML: a link to another content file becomes its app URL, a
 * picture becomes a figure that names its media by hash (the picture is a separate resource).
 */
export function renderContent(
	file: string,
	body: string,
	urls: ReadonlyMap<string, string>,
	picture: (path: string) => CompiledMedia | undefined
): Rendered {
	const media = new Set<string>();
	const { html } = renderMarkdown(body, {
		link(href) {
			if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) return undefined;
			const anchor = href.includes('#') ? `#${href.split('#')[1]}` : '';
			const url = urls.get(resolveRelative(file, href));
			return url ? url + anchor : undefined;
		},
		picture(src) {
			const place = picturePath(file, src);
			const hash = 'path' in place ? picture(place.path)?.hash : undefined;
			if (hash) media.add(hash);
			return hash;
		}
	});
	return { html, media: [...media] };
}
