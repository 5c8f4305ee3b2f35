import type { CatalogPathway, MediaRef } from '$lib/content/catalog-types';

/** Every picture a pathway's lessons place, once each, in lesson order. */
export function pathwayPictures(pathway: CatalogPathway): MediaRef[] {
	const seen = new Map<string, MediaRef>();
	for (const lesson of pathway.modules.flatMap((m) => m.lessons)) {
		for (const ref of lesson.media ?? []) if (!seen.has(ref.hash)) seen.set(ref.hash, ref);
	}
	return [...seen.values()];
}

/** What downloading a pathway's pictures costs, for "Download (about 120 KB)". */
export function picturesBytes(pictures: MediaRef[]): number {
	return pictures.reduce((sum, ref) => sum + ref.bytes, 0);
}

/** The pathway's pictures not on the phone, given the hashes stored for it. */
export function missingPictures(pathway: CatalogPathway, stored: ReadonlySet<string>): MediaRef[] {
	return pathwayPictures(pathway).filter((ref) => !stored.has(ref.hash));
}
