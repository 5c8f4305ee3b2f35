import { page } from '$app/state';
import { isStoredLesson } from '$lib/api/content';
import { getApp } from '$lib/app-context';
import { findLesson, type LessonPlace } from '$lib/catalog/find';
import type { StoredLesson } from '$lib/content/catalog-types';
import { lessonLanguage, storedLanguage } from '$lib/content/lesson-language';
import { LiveQuery } from '$lib/db/live.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';

/**
 * The lesson a URL names, for the reader and its quiz: read from IndexedDB when it is
 * downloaded, never from the network then; otherwise fetched for reading while online and
 * never stored behind the learner's back. A downloaded lesson kept in another language than
 * the learner's (who switched language offline) is fetched again in theirs once online.
 * Create while a component initialises.
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
	/** Lessons fetched again in another language, once each per visit. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a note of what was asked, read only inside the effect that adds to it: reactive, it would re-run that effect
	readonly #refetched = new Set<string>();
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
	/** The language the learner should read it in: theirs where it is translated, else English. */
	readonly #language: string = $derived(
		this.place ? lessonLanguage(this.place.lesson, i18n.locale) : 'en'
	);

	constructor() {
		$effect(() => {
			const id = this.id;
			const language = this.#language;
			if (!id || !this.notStored || !this.#app.network.online) return;
			this.#app.api.content
				.lessons([id], language)
				.then(([found]) => (this.#fetched = found))
				.catch(() => (this.fetchFailed = true));
		});
		$effect(() => {
			const stored = this.#stored.value;
			const language = this.#language;
			if (!stored || this.damaged || !this.#app.network.online) return;
			const key = `${stored.id} ${language}`;
			if (storedLanguage(stored) === language || this.#refetched.has(key)) return;
			this.#refetched.add(key);
			// The pathway was saved for offline: it is kept in the learner's language from now on.
			this.#app.api.content
				.lessons([stored.id], language)
				.then(([fresh]) =>
					fresh && storedLanguage(fresh) === language ? this.#app.db.lessons.put(fresh) : undefined
				)
				.catch(() => {});
		});
	}

	/** Downloads a damaged lesson again, over the stored copy. */
	async repair(): Promise<void> {
		const [fresh] = await this.#app.api.content.lessons([this.id], this.#language);
		if (fresh) await this.#app.db.lessons.put(fresh);
	}
}
