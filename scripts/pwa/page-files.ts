import { reachableChunks, type ManifestChunk } from '../../bench/critical-js';

/** A chunk of Vite's build manifest with what its code imports lazily, and its styles. */
export interface LazyManifestChunk extends ManifestChunk {
	dynamicImports?: string[];
	css?: string[];
}

/**
 * The files a first visit's page may fetch itself: from `roots` (SvelteKit's entries and the
 * first route's nodes, bench/critical-js.ts `routeRoots`), everything imported statically or
 * lazily, with their styles. SvelteKit's app entry (`appKey`) imports every route's node lazily:
 * only the roots' nodes count. Over-counting is safe (a file left out of the pack is fetched
 * on its own, as before); missing one would send it twice.
 */
export function pageFiles(
	manifest: Record<string, LazyManifestChunk>,
	roots: string[],
	appKey: string
): Set<string> {
	const keys = reachableChunks(manifest, roots, (key, chunk) => [
		...(chunk.imports ?? []),
		...(key === appKey ? [] : (chunk.dynamicImports ?? []))
	]);
	return new Set(keys.flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]));
}
