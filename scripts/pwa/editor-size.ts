import type { Precompressed } from '../build/precompress';

/** Where the build writes the exercise editor's download size, which the download panel reads. */
export const EDITOR_SIZE_FILE = 'exercise-editor.json';

/** The files the service worker precaches, from the manifest the build wrote into sw.js. */
export function precachedFiles(serviceWorker: string): Set<string> {
	return new Set([...serviceWorker.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1] as string));
}

/**
 * The bytes a phone downloads for the exercise editor: the files opening an exercise loads
 * (`screenFiles`) that the service worker has not precached (CodeMirror and the screen itself,
 * docs/exercises.md), each as the server sends it: brotli where the build wrote a smaller copy
 * (every browser Clyde supports accepts it), whole otherwise. The download panel adds it to the
 * size of a pathway with exercises, as saving that pathway for offline fetches the editor too.
 */
export function editorDownloadBytes(
	screen: ReadonlySet<string>,
	precached: ReadonlySet<string>,
	built: readonly Precompressed[],
	sizeOf: (file: string) => number
): number {
	const byFile = new Map(built.map((f) => [f.file, f]));
	let bytes = 0;
	for (const file of screen) {
		if (precached.has(file)) continue;
		const compressed = byFile.get(file);
		bytes += compressed ? (compressed.br ?? compressed.bytes) : sizeOf(file);
	}
	return bytes;
}
