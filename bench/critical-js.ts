/** A chunk of Vite's build manifest, as far as this reads it. */
export interface ManifestChunk {
	file: string;
	isEntry?: boolean;
	imports?: string[];
}

/**
 * The files a first paint waits for: SvelteKit renders a route only once its entries and the
 * route's nodes (root layout, page) are loaded with everything they import statically.
 * Dynamic imports are left out: they load beside or after that paint. `roots` are manifest
 * keys; the answer is output files, each once.
 */
export function criticalFiles(manifest: Record<string, ManifestChunk>, roots: string[]): string[] {
	return reachableChunks(manifest, roots, (_, chunk) => chunk.imports ?? []).map(
		(chunk) => chunk.file
	);
}

/**
 * The manifest's chunks reachable from `roots` (manifest keys), each once, in the order met:
 * `next` says which keys a chunk leads to (its static imports, or lazy ones too).
 */
export function reachableChunks<Chunk extends ManifestChunk>(
	manifest: Record<string, Chunk>,
	roots: string[],
	next: (key: string, chunk: Chunk) => readonly string[]
): Chunk[] {
	const seen = new Map<string, Chunk>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (!chunk || seen.has(key)) return;
		seen.set(key, chunk);
		next(key, chunk).forEach(visit);
	};
	roots.forEach(visit);
	return [...seen.values()];
}

/**
 * The manifest keys of SvelteKit's entries and of the nodes that render `route`, read from the
 * generated client app (`dictionary`: route id → [page, ...layouts]; node 0 is the root layout).
 */
export function routeRoots(
	manifest: Record<string, ManifestChunk>,
	generatedApp: string,
	route: string
): string[] {
	const line = generatedApp
		.split('\n')
		.find((l) => l.trim().startsWith(`${JSON.stringify(route)}:`));
	const nodes = line?.match(/\[([\d,\s[\]]*)\]/)?.[1]?.match(/\d+/g);
	if (!nodes) throw new Error(`no route ${route} in SvelteKit's generated app`);
	const nodeKeys = ['0', ...nodes].map((n) =>
		Object.keys(manifest).find((key) => key.endsWith(`client-optimized/nodes/${n}.js`))
	);
	const entries = Object.keys(manifest).filter(
		(key) => manifest[key]?.isEntry && !key.includes('client-optimized/nodes/')
	);
	return [...entries, ...nodeKeys.filter((key): key is string => key !== undefined)];
}
