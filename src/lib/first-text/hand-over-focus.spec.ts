// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { EarlyFocus, likeControl } from './hand-over-focus';

/** The one element `selector` finds in `root`. */
function one<T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string): T {
	const found = root.querySelector<T>(selector);
	if (!found) throw new Error(`no ${selector}`);
	return found;
}

/** A lesson's top as FirstText.svelte and the lesson screen both draw it. */
const TOP = `<p class="breadcrumb"><a href="/pathways/de">Digital Essentials</a> · Staying safe</p>
	<h1 tabindex="-1">Strong passwords</h1>
	<button aria-pressed="false">Read aloud</button>
	<div class="lesson-body"><p><a href="#tip">Tip</a> and <a href="#tip">Tip</a></p></div>`;

/** The early text and the screen behind it in main; `before` goes before the screen's top. */
function page(before = '') {
	document.body.innerHTML = `<main><div class="first-text">${TOP}</div><div class="screen">${before}${TOP}<a href="/quiz">Quiz</a></div></main>`;
	return { early: one(document, '.first-text'), screen: one(document, '.screen') };
}

/** The screen's control like the `nth` match of `selector` in the early text. */
function like(selector: string, nth = 0, before = '') {
	const { early, screen } = page(before);
	const focused = early.querySelectorAll(selector)[nth];
	if (!focused) throw new Error(`no ${selector} ${nth}`);
	early.remove();
	return { found: likeControl(early, focused, screen), screen };
}

describe('likeControl', () => {
	afterEach(() => (document.body.innerHTML = ''));

	it('is the control that looks the same on the lesson screen', () => {
		const { found, screen } = like('button');
		expect(found?.textContent).toBe('Read aloud');
		expect(screen.contains(found)).toBe(true);
	});

	it('keeps the place among look-alikes', () => {
		const { found, screen } = like('.lesson-body a', 1);
		expect([...screen.querySelectorAll('.lesson-body a')].indexOf(found as Element)).toBe(1);
	});

	it('is found after controls the screen adds before it', () => {
		const { found } = like('.breadcrumb a', 0, '<a href="/pathways/de">Back</a>');
		expect(found?.textContent).toBe('Digital Essentials');
		expect(found?.closest('.breadcrumb')).not.toBeNull();
	});

	it('is the heading when the screen has no such control', () => {
		const { early, screen } = page();
		one(early, '.lesson-body p').insertAdjacentHTML('beforeend', '<a href="/gone">Gone</a>');
		expect(likeControl(early, one(early, 'a[href="/gone"]'), screen)?.tagName).toBe('H1');
	});
});

describe('EarlyFocus', () => {
	afterEach(() => (document.body.innerHTML = ''));

	/** Focus on the early text's Read aloud, then the early text goes. */
	function focusThenGo() {
		const { early, screen } = page();
		const focus = new EarlyFocus();
		early.addEventListener('focusin', focus.focusin);
		early.addEventListener('focusout', focus.focusout);
		one(early, 'button').focus();
		early.remove();
		return { focus, screen };
	}

	it('puts focus on the like control once the screen has taken over', () => {
		const { focus, screen } = focusThenGo();
		focus.handOver(screen);
		expect(document.activeElement).toBe(one(screen, 'button'));
	});

	it('leaves focus be when the learner left, or moved it meanwhile', () => {
		const left = focusThenGo();
		left.focus.handOver(undefined);
		left.focus.handOver(left.screen);
		expect(document.activeElement).toBe(document.body);

		const moved = focusThenGo();
		one(moved.screen, 'a[href="/quiz"]').focus();
		moved.focus.handOver(moved.screen);
		expect(document.activeElement?.textContent).toBe('Quiz');
	});

	it('keeps nothing once focus has gone to another element', () => {
		const { early, screen } = page();
		const focus = new EarlyFocus();
		early.addEventListener('focusin', focus.focusin);
		early.addEventListener('focusout', focus.focusout);
		one(early, 'button').focus();
		one(screen, 'a[href="/quiz"]').focus();
		one(screen, 'a[href="/quiz"]').blur();
		early.remove();
		focus.handOver(screen);
		expect(document.activeElement).toBe(document.body);
	});
});
