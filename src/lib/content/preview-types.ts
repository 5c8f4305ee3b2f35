import type { MediaItem } from './catalog-types';
import type { Quiz } from './types';

/** What the dev server's /__clyde/preview answers (see scripts/content/preview-plugin.ts). */
export interface PreviewDiagnostic {
	file: string;
	line: number;
	column: number;
	severity: 'error' | 'warning';
	message: string;
}

export interface PreviewLesson {
	id: string;
	file: string;
	title: string;
	summary: string;
	minutes: number;
	html: string;
	quiz: Quiz | null;
	/** The hashes of the pictures it places: its pathway's `media`. */
	media: string[];
}

export interface PreviewData {
	files: string[];
	diagnostics: PreviewDiagnostic[];
	pathways: {
		file: string;
		title: string;
		introHtml: string;
		modules: { file: string; title: string; introHtml: string; lessons: PreviewLesson[] }[];
		media: MediaItem[];
	}[];
}

/**
 * The dev server's messages to the preview page over Vite's HMR socket: a file under
 * content/ changed; and the answer to the page's hello, which says the socket is open and
 * from then on no change is missed.
 */
export const PREVIEW_EVENTS = {
	changed: 'clyde:content-changed',
	hello: 'clyde:preview-hello',
	live: 'clyde:preview-live'
} as const;
