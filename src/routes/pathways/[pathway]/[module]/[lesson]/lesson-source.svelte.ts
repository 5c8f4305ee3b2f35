import { page } from '$app/state';
import { isStoredLesson } from '$lib/api/content';
import { getApp } from '$lib/app-context';
import { findLesson, type LessonPlace } from '$lib/catalog/find';
import type { StoredLesson } from '$lib/content/catalog-types';
import { LiveQuery } from '$lib/db/live.svelte';

/**
 * The lesson a URL names, for the reader and its quiz: read from IndexedDB when it is
 * downloaded, never from the network then; otherwise fetched for reading while online and
 * never stored behind the learner's back. Create while a component initialises.
 */
export class LessonSource {
	readonly #app = getApp();
	readonly place: LessonPlace | undefined = $derived(
		findLesson(
			this.#app.catalog.value ?? [],
			page.params.pathway ?? '',
			page.params.module ?? '',
			page.params.lesson ?? ''
		)
	);
	readonly id: string = $derived(this.place?.lesson.id ?? '');
	readonly #stored = new LiveQuery(
		() => (this.id ? this.#app.db.lessons.get(this.id) : undefined),
		() => this.id
	);
	#fetched: StoredLesson | undefined = $state();
	/** Set when a lesson that is not downloaded could not be fetched. */
	fetchFailed = $state(false);

	/** Stored, but not in a shape the reader can use (a damaged database row). */
	readonly damaged: boolean = $derived(
		this.#stored.value !== undefined && !isStoredLesson(this.#stored.value)
	);
	readonly lesson: StoredLesson | undefined = $derived.by(() => {
		if (this.#stored.value && !this.damaged) return this.#stored.value;
		// Until the database answers, the copy read while the previous lesson was open (so
		// "Next" shows the text at once); the database's answer then takes over.
		const ahead = this.#stored.loaded ? undefined : this.#app.readAhead.lesson(this.id);
		return ahead ?? (this.#fetched?.id === this.id ? this.#fetched : undefined);
	});
	/** Known not to be on this phone. */
	readonly notStored: boolean = $derived(this.#stored.loaded && !this.#stored.value);

	constructor() {
		$effect(() => {
			const id = this.id;
			if (!id || !this.notStored || !this.#app.network.online) return;
			this.#app.api.content
				.lessons([id])
				.then(([found]) => (this.#fetched = found))
				.catch(() => (this.fetchFailed = true));
		});
	}

	/** Downloads a damaged lesson again, over the stored copy. */
	async repair(): Promise<void> {
		const [fresh] = await this.#app.api.content.lessons([this.id]);
		if (fresh) await this.#app.db.lessons.put(fresh);
	}
}
