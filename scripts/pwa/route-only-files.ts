import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ViteChunk {
	file: string;
	name?: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
}

/**
 * The built files that only the pages under `routes` use (their route nodes, the libraries
 * and code no other page imports), so that the service worker can leave them out of the
 * precache: the tutor pages (the PocketBase SDK, the QR and CSV libraries, the dashboard: a
 * third of the first visit's JavaScript, and tutors work online) and the learner's screens
 * that only come after a pathway is done (vite.config.ts). `routes` is tested against each
 * route node's import of its `src/routes/…` file. Read from SvelteKit's generated route nodes
 * and Vite's manifest.
 */
export function routeOnlyFiles(
	svelteKitDir: string,
	routes: RegExp,
	alsoLeftOut: (chunk: ViteChunk) => boolean = () => false
): Set<string> {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ViteChunk>;
	const nodesDir = join(svelteKitDir, 'generated/client-optimized/nodes');
	const isChosenNode = (key: string) =>
		routes.test(readFileSync(join(nodesDir, key.split('/').pop() ?? ''), 'utf8'));
	// Everything reachable from `roots` without passing through `skip` (the app's entry
	// imports every route node lazily: the chosen nodes must not count as shared through it).
	const reach = (roots: string[], skip: string[] = []) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			if (seen.has(key) || !manifest[key] || skip.includes(key)) return;
			seen.add(key);
			for (const next of [
				...(manifest[key].imports ?? []),
				...(manifest[key].dynamicImports ?? [])
			])
				visit(next);
		};
		roots.forEach(visit);
		return seen;
	};
	const nodeKeys = readdirSync(nodesDir).map((name) =>
		Object.keys(manifest).find((key) => key.endsWith(`client-optimized/nodes/${name}`))
	);
	// The chosen pages' nodes, and chunks left out as well (the exercise editor, which a lesson
	// page imports lazily): a library only these share (CodeMirror, between the content editor
	// and the exercise editor) is left out too, not kept as if a learner's page needed it.
	const chosenRoots = [
		...nodeKeys.filter((key): key is string => !!key && isChosenNode(key)),
		...Object.keys(manifest).filter((key) => {
			const chunk = manifest[key];
			return !!chunk && alsoLeftOut(chunk);
		})
	];
	// The app's entries and every other route node. Not the lazily imported modules: one that
	// only a chosen page imports (the tutor's CSV export) is theirs, not shared.
	const otherRoots = Object.keys(manifest).filter(
		(key) => manifest[key]?.isEntry && !chosenRoots.includes(key)
	);
	const shared = reach(otherRoots, chosenRoots);
	const files = new Set<string>();
	for (const key of reach(chosenRoots)) {
		if (shared.has(key)) continue;
		const chunk = manifest[key];
		if (!chunk) continue;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
	}
	return files;
}
