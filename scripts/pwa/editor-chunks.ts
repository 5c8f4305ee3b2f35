import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The name of the chunk that holds the exercise editor (vite.config.ts, codeSplitting). */
export const EDITOR_CHUNK = 'exercise-editor';

/**
 * The built files of the exercise editor (CodeMirror, the lezer grammars, the screen), so that
 * the service worker does not precache them on a first visit: they are fetched when an exercise
 * is first opened, or with the download of a pathway that has exercises, and kept by the
 * worker's runtime cache from then on (docs/exercises.md). Empty when the chunk is not found.
 */
export function editorFiles(svelteKitDir: string): Set<string> {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, { file: string; name?: string; css?: string[] }>;
	const files = new Set<string>();
	for (const chunk of Object.values(manifest)) {
		if (chunk.name !== EDITOR_CHUNK) continue;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
	}
	return files;
}
