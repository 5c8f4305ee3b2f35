import type { LiveQuery } from '$lib/db/live.svelte';
import type { CatalogPathway } from './catalog-types';
import { localiseCatalog } from './localise-catalog';

/** What screens read of a live query: its answer, its failure, whether it has answered. */
export type QueryState<T> = Pick<LiveQuery<T>, 'value' | 'error' | 'loaded'>;

/**
 * The stored catalog in the learner's language (localise-catalog.ts), following both the
 * stored rows and the language: a change of language in Settings changes every title at once,
 * offline too, with the words the phone has.
 */
export class LocalCatalog implements QueryState<CatalogPathway[]> {
	#stored: QueryState<CatalogPathway[]>;
	#locale: () => string;
	#value = $derived.by(() => {
		const stored = this.#stored.value;
		return stored && localiseCatalog(stored, this.#locale());
	});

	constructor(stored: QueryState<CatalogPathway[]>, locale: () => string) {
		this.#stored = stored;
		this.#locale = locale;
	}

	get value(): CatalogPathway[] | undefined {
		return this.#value;
	}

	get error(): Error | undefined {
		return this.#stored.error;
	}

	get loaded(): boolean {
		return this.#stored.loaded;
	}
}
