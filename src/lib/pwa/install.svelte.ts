interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * The browser's offer to install the app (Chromium's beforeinstallprompt). Other browsers
 * never offer it; then there is no install button, and their own menu does the job.
 */
export class InstallOffer {
	#event: BeforeInstallPromptEvent | undefined = $state();

	constructor(target: Window) {
		target.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault();
			this.#event = event as BeforeInstallPromptEvent;
		});
		target.addEventListener('appinstalled', () => (this.#event = undefined));
	}

	get available(): boolean {
		return this.#event !== undefined;
	}

	async install(): Promise<void> {
		const event = this.#event;
		if (!event) return;
		await event.prompt();
		await event.userChoice;
		this.#event = undefined;
	}
}
