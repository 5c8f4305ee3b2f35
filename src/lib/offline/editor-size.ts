import type { CatalogPathway } from '$lib/content/catalog-types';

/**
 * The exercise editor's download size in bytes, as the build measured it
 * (scripts/pwa/editor-size.ts writes /exercise-editor.json): saving a pathway with exercises
 * fetches the editor too (DownloadPanel.svelte), so the size the learner is shown counts it.
 * Asked once per app start; 0 when it cannot be read (offline, where no download is offered).
 */
let known: Promise<number> | undefined;

export function exerciseEditorBytes(fetcher: typeof fetch = fetch): Promise<number> {
	known ??= fetcher('/exercise-editor.json')
		.then((response) => (response.ok ? response.json() : { bytes: 0 }))
		.then((body: { bytes?: unknown }) =>
			typeof body.bytes === 'number' && body.bytes >= 0 ? body.bytes : 0
		)
		.catch(() => {
			known = undefined; // Ask again next time: the network may be back.
			return 0;
		});
	return known;
}

/** Whether any lesson of the pathway has exercises (the catalog lists their ids). */
export function hasExercises(pathway: CatalogPathway): boolean {
	return pathway.modules.some((m) => m.lessons.some((l) => (l.exercises?.length ?? 0) > 0));
}
