import { goto } from '$app/navigation';
import { resolve } from '$app/paths';
import { getApp } from '$lib/app-context';
import type { LessonPlace } from '$lib/catalog/find';
import { StorageFullError } from '$lib/db/storage-full';
import { t } from '$lib/i18n/i18n.svelte';
import { recordEvent } from '$lib/progress/record-event';

/**
 * Going on from a lesson (its end, or its quiz's result) to the next lesson, or at the last
 * lesson to the pathway's end: this marks the lesson complete, so getting credit never needs a
 * button of its own. The completion is on disk before the next screen shows; if it cannot be
 * saved, the learner stays and is told why. Create while a component initialises.
 */
export class GoOn {
	readonly #app = getApp();
	problem = $state('');

	/** Where going on leads. */
	href(place: LessonPlace): string {
		return place.next
			? resolve('/pathways/[pathway]/[module]/[lesson]', {
					pathway: place.pathway.slug,
					module: place.next.module.slug,
					lesson: place.next.lesson.slug
				})
			: resolve('/pathways/[pathway]/complete', { pathway: place.pathway.slug });
	}

	async go(place: LessonPlace, event: MouseEvent): Promise<void> {
		// A new tab or window is the browser's business: no credit taken, none given.
		if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
			return;
		event.preventDefault();
		this.problem = '';
		const { db, summaries } = this.#app;
		const marked = summaries.value?.find((s) => s.lesson === place.lesson.id)?.completed;
		try {
			if (!marked) {
				await recordEvent(db, {
					type: 'lesson_completed',
					lesson: place.lesson.id,
					module: place.module.id,
					pathway: place.pathway.id
				});
			}
		} catch (error) {
			this.problem =
				error instanceof StorageFullError
					? t('storage_full')
					: t('progress_not_saved', { reason: (error as Error).message });
			return;
		}
		// eslint-disable-next-line svelte/no-navigation-without-resolve -- resolved in href()
		await goto(this.href(place));
	}
}
