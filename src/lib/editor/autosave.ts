import type { DraftConflict, DraftSaveResult } from './draft-save';

export type AutosaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'failed';

export interface AutosaveDeps {
	/** Sends the text to the server; throws NoAnswer when there is no answer (offline). */
	send(text: string, baseVersion: number): Promise<DraftSaveResult>;
	/** Keeps the unsent text on this device (IndexedDB), so a closed tab loses nothing. */
	keep(text: string, baseVersion: number): Promise<void>;
	/** The server has `text`: the copy kept on this device can go. */
	forget(text: string): Promise<void>;
	setTimer(run: () => void, ms: number): unknown;
	clearTimer(handle: unknown): void;
	onStatus(status: AutosaveStatus, conflict?: DraftConflict): void;
}

/** No answer at all: the browser is offline or the server cannot be reached. */
export class NoAnswer extends Error {
	override name = 'NoAnswer';
}

/**
 * The autosave of one file: every edit is kept on the device at once and sent to the server
 * `delayMs` after typing stops, or at once on `flush` (which the page calls on pagehide, when
 * it is hidden and when it is back online). One save is on its way at a time. A save refused
 * as a conflict stops sending until the editor has chosen (`resolve`); one that gets no answer
 * leaves the text on the device for the next edit or flush.
 */
export class Autosave {
	#deps: AutosaveDeps;
	#delayMs: number;
	#base: number;
	#text: string;
	/** The text holds edits the server has not confirmed. */
	#dirty = false;
	#timer: unknown;
	#sending: Promise<boolean> | undefined;
	#conflict: DraftConflict | undefined;
	#keeping: Promise<void> = Promise.resolve();

	constructor(deps: AutosaveDeps, text: string, baseVersion: number, delayMs = 1500) {
		this.#deps = deps;
		this.#text = text;
		this.#base = baseVersion;
		this.#delayMs = delayMs;
	}

	get baseVersion(): number {
		return this.#base;
	}

	get text(): string {
		return this.#text;
	}

	/** A change in the editor: kept on the device now, sent after a pause in typing. */
	edit(text: string): Promise<void> {
		this.#text = text;
		this.#dirty = true;
		const base = this.#base;
		this.#keeping = this.#keeping.then(() => this.#deps.keep(text, base)).catch(() => undefined);
		if (!this.#conflict) {
			this.#deps.onStatus('unsaved');
			this.#schedule();
		}
		return this.#keeping;
	}

	/** Sends what is unsent now; resolves once the server has it, or could not be told. */
	async flush(): Promise<void> {
		this.#cancel();
		await this.#keeping;
		while (this.#dirty && !this.#conflict) {
			this.#sending ??= this.#sendOnce().finally(() => (this.#sending = undefined));
			if (!(await this.#sending)) return;
		}
	}

	/**
	 * The editor chose after a conflict: `text` (theirs, yours or a merge of both) on the
	 * version the server holds now. Sent at once.
	 */
	async resolve(text: string, version: number): Promise<void> {
		this.#conflict = undefined;
		this.#base = version;
		await this.edit(text);
		await this.flush();
	}

	/** Stops the timer: the page is leaving this file (after a flush). */
	stop(): void {
		this.#cancel();
	}

	#schedule() {
		this.#cancel();
		this.#timer = this.#deps.setTimer(() => {
			this.#timer = undefined;
			void this.flush();
		}, this.#delayMs);
	}

	#cancel() {
		if (this.#timer !== undefined) this.#deps.clearTimer(this.#timer);
		this.#timer = undefined;
	}

	/** One save; true when the server took it. */
	async #sendOnce(): Promise<boolean> {
		const text = this.#text;
		this.#deps.onStatus('saving');
		let result: DraftSaveResult;
		try {
			result = await this.#deps.send(text, this.#base);
		} catch (error) {
			this.#deps.onStatus(error instanceof NoAnswer ? 'offline' : 'failed');
			return false;
		}
		if (!result.ok) {
			this.#conflict = result.conflict;
			this.#deps.onStatus('conflict', result.conflict);
			return false;
		}
		this.#base = result.version;
		if (this.#text === text) {
			this.#dirty = false;
			await this.#deps.forget(text).catch(() => undefined);
			this.#deps.onStatus('saved');
		}
		return true;
	}
}
