import type { CatalogPathway } from '$lib/content/catalog-types';

export type DownloadState =
	| { kind: 'none' }
	| { kind: 'downloading'; percent: number }
	| { kind: 'paused'; percent: number }
	| { kind: 'ready' }
	| { kind: 'update'; changed: number };

/** Total size of a pathway's lessons, for "Download (about 120 KB)". */
export function pathwayBytes(pathway: CatalogPathway): number {
	return pathway.modules.reduce((sum, m) => sum + m.lessons.reduce((s, l) => s + l.bytes, 0), 0);
}

/**
 * Where a pathway's download stands, from what the learner asked for and what is stored.
 * Pure: the screens and the tests share it.
 */
export function downloadState(
	pathway: CatalogPathway,
	requested: boolean,
	storedHashes: ReadonlyMap<string, string>,
	activePercent?: number
): DownloadState {
	if (activePercent !== undefined) return { kind: 'downloading', percent: activePercent };
	if (!requested) return { kind: 'none' };
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const missing = lessons.filter((l) => !storedHashes.has(l.id));
	if (missing.length > 0) {
		const total = pathwayBytes(pathway);
		const missingBytes = missing.reduce((sum, l) => sum + l.bytes, 0);
		return {
			kind: 'paused',
			percent: total ? Math.floor(((total - missingBytes) / total) * 100) : 0
		};
	}
	const changed = lessons.filter((l) => storedHashes.get(l.id) !== l.hash).length;
	return changed > 0 ? { kind: 'update', changed } : { kind: 'ready' };
}

/** "about 120 KB" / "about 1.2 MB": sizes for people, not exact byte counts. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `about ${Math.max(1, Math.round(bytes / 1024))} KB`;
	return `about ${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
