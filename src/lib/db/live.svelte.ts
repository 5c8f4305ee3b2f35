// Dexie (30 KB gzip) is loaded by the app's data layer after the first paint (AppRoot.svelte);
// a screen that only holds a LiveQuery must not pull it onto the path to that paint.
const dexie = () => import('dexie');

/**
 * A Dexie live query as rune state: `value` updates whenever the tables it read change,
 * in this tab or another. Create it while a component initialises.
 *
 * Dexie runs the query asynchronously, so Svelte cannot see which runes it reads: name them
 * in `dependencies` (e.g. `() => lessonId`) and the query starts again when they change.
 * Without this, a query first run with an empty id would watch the wrong rows for ever.
 */
export class LiveQuery<T> {
	#value: T | undefined = $state();
	#error: Error | undefined = $state();
	#loaded = $state(false);

	constructor(query: () => Promise<T> | T, dependencies: () => unknown = () => undefined) {
		$effect(() => {
			dependencies();
			// A new key means a new question: forget the old answer until the new one arrives,
			// or a screen would show the previous lesson, or think this one is not stored.
			this.#value = undefined;
			this.#loaded = false;
			const fail = (error: unknown) => {
				this.#error = error instanceof Error ? error : new Error(String(error));
				this.#loaded = true;
			};
			let subscription: { unsubscribe(): void } | undefined;
			let stopped = false;
			dexie().then(({ liveQuery }) => {
				if (stopped) return;
				subscription = liveQuery(query).subscribe({
					next: (value) => {
						this.#value = value;
						this.#error = undefined;
						this.#loaded = true;
					},
					error: fail
				});
			}, fail);
			return () => {
				stopped = true;
				subscription?.unsubscribe();
			};
		});
	}

	get value(): T | undefined {
		return this.#value;
	}

	get error(): Error | undefined {
		return this.#error;
	}

	get loaded(): boolean {
		return this.#loaded;
	}
}
