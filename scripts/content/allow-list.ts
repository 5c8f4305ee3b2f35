import { HOOKS, requireHook } from '../pocketbase/require-hook';

export type MediaType = 'svg' | 'png' | 'jpeg' | 'webp' | 'gif';

/** pb_hooks/lib/allow-list.js, typed: the one list of what published content may hold. */
interface AllowList {
	LESSON_HTML: { tags: string[]; attributes: string[]; mediaHash: RegExp };
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
	};
}

export const { LESSON_HTML, MEDIA, SVG } = requireHook(`${HOOKS}/lib/allow-list.js`) as AllowList;
