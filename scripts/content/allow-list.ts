import allowList from '../../pb_hooks/lib/allow-list.json';

// The one list of what published content may hold, as JSON so that the publish route (goja),
// the CLI (Node) and the browser editor read the same file without a build step.

export type MediaType = 'svg' | 'png' | 'jpeg' | 'webp' | 'gif';

interface AllowList {
	LESSON_HTML: {
		/** Each allowed tag and the attributes it may carry. */
		tags: Record<string, string[]>;
		/** Whole-value patterns, by "tag attribute" or by attribute. */
		values: Record<string, string>;
		/** URL patterns, by "tag attribute". */
		urls: Record<string, string>;
	};
	MEDIA: {
		types: Record<MediaType, { mime: string; extensions: string[]; base64Start?: string }>;
		maxChars: number;
	};
	SVG: {
		namespace: string;
		elements: string[];
		textElements: string[];
		classes: string[];
		attributes: Record<string, string | string[]>;
		rootOnly: string[];
		notOnRoot: string[];
		values: Record<string, string>;
	};
}

export const { LESSON_HTML, MEDIA, SVG } = allowList as unknown as AllowList;

/** A picture's name in lesson HTML (a figure's data-media): its sha256, in hex. */
export const MEDIA_HASH = new RegExp(LESSON_HTML.values['figure data-media'] ?? '^$');
