import type { ActionCheck, Check, CheckResult, StateCheck } from './types';

/** A learner's page, loaded: its document and the window its scripts ran in. */
export interface LoadedPage {
	document: Document;
	window: Window;
}

/**
 * Runs an exercise's checks against a page. The same code runs in the sandboxed runner
 * (Chromium) and in content:check (jsdom), so it uses only the DOM. State checks share one page;
 * each click check gets a fresh one from `load`, so clicks cannot change what other checks see.
 * A selector that is not valid CSS fails its check rather than the run.
 */
export async function runChecks(
	checks: readonly Check[],
	load: () => Promise<LoadedPage>
): Promise<CheckResult[]> {
	const results: CheckResult[] = [];
	let shared: LoadedPage | undefined;
	for (const [index, check] of checks.entries()) {
		let passed: boolean;
		try {
			if (isAction(check)) passed = actionPasses(check, await load());
			else passed = statePasses(check, (shared ??= await load()));
		} catch {
			passed = false;
		}
		results.push(passed ? { index, passed } : { index, passed, message: check.message });
	}
	return results;
}

function isAction(check: Check): check is ActionCheck {
	return check.type === 'click-adds' || check.type === 'after-click';
}

function actionPasses(check: ActionCheck, page: LoadedPage): boolean {
	const target = page.document.querySelector(check.click);
	if (!target) return false;
	if (check.type === 'click-adds') {
		const before = page.document.querySelectorAll(check.selector).length;
		click(target, page.window);
		return page.document.querySelectorAll(check.selector).length > before;
	}
	click(target, page.window);
	return statePasses(check.then, page);
}

// A real click event (bubbling, cancelable), as a tap would send: handlers added with
// addEventListener and onclick alike see it. Handlers run synchronously, before this returns.
function click(target: Element, view: Window): void {
	const MouseEventOf = (view as unknown as { MouseEvent: typeof MouseEvent }).MouseEvent;
	target.dispatchEvent(new MouseEventOf('click', { bubbles: true, cancelable: true, view }));
}

function statePasses(check: StateCheck, page: LoadedPage): boolean {
	const all = [...page.document.querySelectorAll(check.selector)];
	switch (check.type) {
		case 'selector-exists':
			return all.length >= (check.count ?? 1);
		case 'text-equals':
			return all.some((e) => sameText(e.textContent ?? '', check.text));
		case 'text-contains':
			return all.some((e) => plain(e.textContent ?? '').includes(plain(check.text)));
		case 'attribute-present':
			return all.length > 0 && all.every((e) => e.hasAttribute(check.attribute));
		case 'attribute-equals':
			return all.some((e) => e.getAttribute(check.attribute)?.trim() === check.value);
		case 'style-equals':
			return all.some((e) => styleMatches(e, check.property, check.value, page.window));
		case 'label-for-input':
			return all.length > 0 && all.every((e) => hasLabel(e, page.document));
	}
}

/** Text as a learner reads it: spaces and line breaks collapsed, case ignored. */
function plain(text: string): string {
	return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sameText(actual: string, expected: string): boolean {
	return plain(actual) === plain(expected);
}

/**
 * Computed style against the value an editor wrote ("red", "2rem"): the expected value is
 * computed the same way on a probe beside the element, so "red" and "rgb(255, 0, 0)" agree.
 */
function styleMatches(element: Element, property: string, value: string, view: Window): boolean {
	const actual = view.getComputedStyle(element).getPropertyValue(property);
	const probe = element.ownerDocument.createElement(element.localName);
	probe.setAttribute('style', `${property}: ${value}`);
	(element.parentElement ?? element.ownerDocument.documentElement).append(probe);
	const expected = view.getComputedStyle(probe).getPropertyValue(property);
	probe.remove();
	return plain(actual) === plain(expected) || plain(actual) === plain(value);
}

/** A form control has a name a screen reader says: a label, aria-label or aria-labelledby. */
function hasLabel(element: Element, document: Document): boolean {
	const labels = (element as HTMLInputElement).labels;
	if (labels && [...labels].some((l) => plain(l.textContent ?? '') !== '')) return true;
	if (plain(element.getAttribute('aria-label') ?? '') !== '') return true;
	const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
	return ids.some((id) => plain(document.getElementById(id)?.textContent ?? '') !== '');
}
