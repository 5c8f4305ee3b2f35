import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { SvelteSet } from 'svelte/reactivity';

/**
 * Which of a long table's rows have come near the viewport, by a key each row carries in
 * `data-key`: the grid makes a row's costly cells only once it has (docs/tutors.md, "The grid's
 * rows"). A row stays made once seen, so scrolling back costs nothing and a live change still
 * shows in it. One IntersectionObserver for every row; `margin` is how far beyond the viewport
 * a row counts as near, so that cells are usually made before they scroll in. Without an
 * IntersectionObserver (jsdom, very old browsers) every row counts as seen.
 */
export class RowsInView {
	#seen = new SvelteSet<string>();
	#all = $state(typeof IntersectionObserver === 'undefined');
	#observer: IntersectionObserver | undefined;

	constructor(margin = '50% 0px') {
		if (this.#all) return;
		this.#observer = new IntersectionObserver(
			(entries) => {
				for (const entry of entries) {
					if (!entry.isIntersecting) continue;
					const key = (entry.target as HTMLElement).dataset.key;
					if (key !== undefined) this.#seen.add(key);
					this.#observer?.unobserve(entry.target);
				}
			},
			{ rootMargin: margin }
		);
	}

	/** Whether the row with this key has been near the viewport (or every row counts). */
	has(key: string): boolean {
		return this.#all || this.#seen.has(key);
	}

	/** Every row counts as seen from now on: for printing, which takes every row whole. */
	everyRow(): void {
		this.#all = true;
		this.#observer?.disconnect();
	}

	/** Stops watching (the table is gone). */
	stop(): void {
		this.#observer?.disconnect();
	}

	/** On each row: watched until it first comes near the viewport. */
	readonly watch: Attachment<HTMLElement> = (row) => {
		const key = row.dataset.key;
		// Untracked: the attachment is not to run again when its own row is seen.
		if (key === undefined || untrack(() => this.has(key))) return;
		this.#observer?.observe(row);
		return () => this.#observer?.unobserve(row);
	};
}
