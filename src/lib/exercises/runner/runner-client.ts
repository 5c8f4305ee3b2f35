import type { Check, CheckResult } from '../types';
import { WATCHDOG_MS, type FromRunner, type ToRunner } from './protocol';

export interface RunnerEvents {
	/** A loop in the learner's code ran too long and was stopped. */
	loopStopped(): void;
	/** The runner stopped answering and was taken down; a new run starts a new one. */
	died(): void;
}

/**
 * The app's side of the runner: a frame sandboxed to scripts alone (never same-origin, top
 * navigation, popups, forms or modals) showing /runner (runner.html), which the service worker has
 * precached. Only messages from that frame are listened to. A watchdog takes the frame down
 * when its heartbeat stops: the loop guard should never let that happen, but it is the last word.
 */
export class Runner {
	readonly frame: HTMLIFrameElement;
	#ready: Promise<void>;
	#next = 1;
	#pending = new Map<number, (message: FromRunner) => void>();
	#lastBeat = performance.now();
	#watchdog: ReturnType<typeof setInterval>;
	#events: RunnerEvents;
	#title: string;
	#onMessage: (event: MessageEvent) => void;

	constructor(container: HTMLElement, title: string, events: RunnerEvents) {
		this.#events = events;
		// The frame of the learner's page inside the runner is named in the learner's language too.
		this.#title = title;
		this.frame = document.createElement('iframe');
		this.frame.setAttribute('sandbox', 'allow-scripts');
		this.frame.title = title;
		this.frame.src = '/runner';
		let ready!: () => void;
		this.#ready = new Promise((resolve) => (ready = resolve));
		this.#onMessage = (event) => {
			if (event.source !== this.frame.contentWindow || event.origin !== 'null') return;
			const message = event.data as FromRunner;
			this.#lastBeat = performance.now();
			if (message.type === 'ready') ready();
			else if (message.type === 'loop-stopped') this.#events.loopStopped();
			else if ('id' in message) this.#pending.get(message.id)?.(message);
		};
		window.addEventListener('message', this.#onMessage);
		this.#watchdog = setInterval(() => {
			if (performance.now() - this.#lastBeat > WATCHDOG_MS) {
				this.destroy();
				this.#events.died();
			}
		}, WATCHDOG_MS / 3);
		container.append(this.frame);
	}

	/** Shows the learner's page (built by buildPage). */
	async show(html: string): Promise<void> {
		await this.#send({ type: 'show', id: 0, html, title: this.#title }, 'shown');
	}

	/** Shows the page and runs the checks on it; each click check gets a fresh copy. */
	async check(html: string, checks: Check[]): Promise<CheckResult[]> {
		const reply = await this.#send(
			{ type: 'check', id: 0, html, title: this.#title, checks },
			'results'
		);
		return reply.type === 'results' ? reply.results : [];
	}

	destroy(): void {
		clearInterval(this.#watchdog);
		window.removeEventListener('message', this.#onMessage);
		this.frame.remove();
		this.#pending.clear();
	}

	async #send(message: ToRunner, answer: FromRunner['type']): Promise<FromRunner> {
		await this.#ready;
		const id = this.#next++;
		return new Promise((resolve) => {
			this.#pending.set(id, (reply) => {
				if (reply.type !== answer) return;
				this.#pending.delete(id);
				resolve(reply);
			});
			this.frame.contentWindow?.postMessage({ ...message, id }, '*');
		});
	}
}
