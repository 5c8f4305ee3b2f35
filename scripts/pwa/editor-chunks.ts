import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ViteChunk } from './route-only-files';

/**
 * The built files that only the exercise editor uses (its screen, CodeMirror and the lezer
 * grammars), so that the service worker does not precache them on a first visit: they are
 * fetched with the download of a pathway that has exercises, or when an exercise is first
 * opened, and the worker's runtime cache keeps them (docs/exercises.md). The screen is imported
 * lazily (its chunk is named after it); what only it reaches, and no entry reaches without
 * passing through it, is the editor's. Throws when the screen's chunk is missing, so that a
 * rename cannot quietly put the editor back into every first visit.
 */
export function editorFiles(svelteKitDir: string): Set<string> {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ViteChunk>;
	const screen = Object.keys(manifest).filter((key) => isScreenChunk(manifest[key]?.name ?? ''));
	if (screen.length === 0) throw new Error('editorFiles: no chunk of ExerciseScreen in the build');
	const reach = (roots: string[], skip: string[], lazy: boolean) => {
		const seen = new Set<string>();
		const visit = (key: string) => {
			const chunk = manifest[key];
			if (seen.has(key) || !chunk || skip.includes(key)) return;
			seen.add(key);
			for (const next of [...(chunk.imports ?? []), ...(lazy ? (chunk.dynamicImports ?? []) : [])])
				visit(next);
		};
		roots.forEach(visit);
		return seen;
	};
	const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
	const shared = reach(entries, screen, true);
	const files = new Set<string>();
	for (const key of reach(screen, [], false)) {
		const chunk = manifest[key];
		if (shared.has(key) || !chunk) continue;
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
	}
	return files;
}

/**
 * Every built file opening an exercise loads (the screen's chunks and all they import, with
 * their styles), whether precached or not: `editorDownloadBytes` counts those the service
 * worker does not already hold.
 */
export function screenFiles(svelteKitDir: string): Set<string> {
	const manifest = JSON.parse(
		readFileSync(join(svelteKitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ViteChunk>;
	const files = new Set<string>();
	const seen = new Set<string>();
	const visit = (key: string) => {
		const chunk = manifest[key];
		if (seen.has(key) || !chunk) return;
		seen.add(key);
		files.add(chunk.file);
		for (const css of chunk.css ?? []) files.add(css);
		for (const next of chunk.imports ?? []) visit(next);
	};
	Object.keys(manifest)
		.filter((key) => isScreenChunk(manifest[key]?.name ?? ''))
		.forEach(visit);
	return files;
}

/**
 * Whether a chunk is the screen's own. The build groups the app's modules by the entries that
 * use them and names each group after them (vite.config.ts, `lib`, entries-aware): the screen
 * is in "lib~ExerciseScreen", while "lib~nodes/11~…~ExerciseScreen" holds modules the lesson
 * pages share with it (the event ids, for one), which must stay in the precache.
 */
export function isScreenChunk(name: string): boolean {
	const parts = name.split('~');
	return (
		parts.includes('ExerciseScreen') && parts.every((p) => p === 'lib' || p === 'ExerciseScreen')
	);
}
