import type { MediaItem, MediaType } from '$lib/content/catalog-types';

const MIME: Record<MediaType, string> = {
	svg: 'image/svg+xml',
	png: 'image/png',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif'
};

/**
 * A published SVG, to put inline in the lesson (so the theme's colours reach its classes),
 * named by the lesson's alt text: role="img" and aria-label on the <svg> itself. Published
 * SVGs start "<svg " and have no <title> (pb_hooks/lib/svg-contract.js checks both), so the
 * alt text is the one name a screen reader reads. Undefined for anything else.
 */
export function namedSvg(svg: string, alt: string): string | undefined {
	if (!svg.startsWith('<svg ')) return undefined;
	return `<svg role="img" aria-label="${escapeAttribute(alt)}" ${svg.slice('<svg '.length)}`;
}

/** A raster picture as a data: URL (the app's CSP allows img-src data:). */
export function dataUrl(item: MediaItem): string {
	return `data:${MIME[item.type]};base64,${item.data}`;
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
