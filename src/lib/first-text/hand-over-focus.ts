const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** What a learner would take for the same control: its kind, where it goes and what it says. */
const likeness = (element: Element) =>
	`${element.tagName} ${element.getAttribute('href') ?? ''} ${element.textContent?.trim() ?? ''}`;

/**
 * The lesson screen's control like `focused` in the early text (`early`, gone or going): the
 * screen starts with the same controls in the same order (FirstText.svelte), so it is the one
 * that looks the same, at the same place among its look-alikes; failing that, the heading.
 */
export function likeControl(early: Element, focused: Element, screen: Element): HTMLElement | null {
	const key = likeness(focused);
	const alike = (root: Element) =>
		[...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
			(element) => likeness(element) === key
		);
	const index = alike(early).indexOf(focused as HTMLElement);
	const found = index < 0 ? undefined : alike(screen).filter((e) => !early.contains(e))[index];
	return found ?? screen.querySelector<HTMLElement>('h1');
}

/**
 * Keyboard focus in the early text of a cold open, kept for the lesson screen that replaces it.
 * The early text's box reports focus moving in it; once the screen has taken over, `handOver`
 * puts focus on the like control there, unless focus went elsewhere meanwhile. (Focus inside a
 * removed element falls to the page, and with it a keyboard user's place.)
 */
export class EarlyFocus {
	#last: { box: Element; focused: Element } | undefined;

	focusin = (event: FocusEvent) => {
		if (event.currentTarget instanceof Element && event.target instanceof Element)
			this.#last = { box: event.currentTarget, focused: event.target };
	};

	/** Focus that left for another element is not the early text's to keep; removal has none. */
	focusout = (event: FocusEvent) => {
		if (event.relatedTarget) this.#last = undefined;
	};

	/** Once the early text is gone: `screen` took over from it, or none (the learner left). */
	handOver(screen: Element | undefined): void {
		const last = this.#last;
		this.#last = undefined;
		const active = document.activeElement;
		if (!last || !screen || (active && active !== document.body)) return;
		likeControl(last.box, last.focused, screen)?.focus();
	}
}
