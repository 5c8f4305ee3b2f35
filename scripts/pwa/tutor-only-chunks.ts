import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ViteChunk {
	file: string;
	isEntry?: boolean;
	imports?: string[];
	dynamicImports?: string[];
	css?: string[];
}

/**
 * The built files that only the tutor pages use (their route nodes, the PocketBase SDK, the
 * QR and CSV libraries and the dashboard code), so that the service worker does not precache
 * them on every learner's phone: tutors work online, and those files were a third of the
 * first visit's JavaScript. Read from SvelteKit's generated route nodes and Vite's manifest.
 */
export function tutorOnlyFiles(svelteKitDir: string): Set<string> {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ViteChunk>;
	const nodesDir = join(svelteKitDir, 'generated/client-optimized/nodes');
	// The editor preview counts as the tutor's: only `npm run dev` serves its data, so a
	// production build's copy of it is never used, offline or not. So do the content editor's
	// pages (CodeMirror, the checker): editors work online, on laptops and tablets.
	const isTutorNode = (key: string) =>
		/routes\/(tutor|preview|editor)\//.test(
			readFileSync(join(nodesDir, key.split('/').pop() ?? ''), 'utf8')
		);
	// Everything reachable from `roots` without passing through `skip` (the app's entry
	// imports every route node lazily: the tutor nodes must not count as shared through it).
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
	const tutorRoots = nodeKeys.filter((key): key is string => !!key && isTutorNode(key));
	// The app's entries and every other route node. Not the lazily imported modules: one that
	// only a tutor page imports (the CSV export) is the tutor's, not shared.
	const otherRoots = Object.keys(manifest).filter(
		(key) => manifest[key]?.isEntry && !tutorRoots.includes(key)
	);
	const shared = reach(otherRoots, tutorRoots);
	const files = new Set<string>();
	for (const key of reach(tutorRoots)) {
		if (shared.has(key)) continue;
		const chunk = manifest[key];
		if (!chunk) continue;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
	}
	return files;
}
