/**
 * Whether the browser believes it has a network. `navigator.onLine` can say "online" on a
 * network that reaches nothing (captive wifi); it is only a hint for the interface, never a
 * reason to skip a sync attempt.
 */
export class OnlineStatus {
	#online = $state(true);

	constructor(
		target: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigator: Navigator }
	) {
		this.#online = target.navigator.onLine;
		$effect(() => {
			const up = () => (this.#online = true);
			const down = () => (this.#online = false);
			target.addEventListener('online', up);
			target.addEventListener('offline', down);
			return () => {
				target.removeEventListener('online', up);
				target.removeEventListener('offline', down);
			};
		});
	}

	get online(): boolean {
		return this.#online;
	}
}
