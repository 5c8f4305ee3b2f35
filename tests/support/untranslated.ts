import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

// What the pseudo-locale walks share (tests/browser/languages.test.ts for learners,
// tutor-languages.test.ts for tutors): the text on screen not from the messages, and what may
// stay as it is.

// Everything the bundled lessons say (Markdown, pictures): text from it on screen is content,
// not interface, and is allowed to stay English in the pseudo-locale.
function contentCorpus(): string {
	const texts: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (/\.(md|svg|ya?ml)$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
		}
	};
	walk('content');
	return texts.join('\n').replace(/[*_`]/g, '').replace(/\s+/g, ' ');
}

/** Text on screen (and in labels a screen reader says) that did not come through the messages. */
export function untranslated(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = [];
		const english = /[A-Za-z]{2,}/;
		// Elements marked as another language (each language's own name in the chooser, the
		// signed credential's English) say so on purpose.
		const otherLanguage = (node: Node) => {
			const element = node instanceof Element ? node : node.parentElement;
			const marked = element?.closest('[lang]');
			return !!marked && marked !== document.documentElement;
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('script, style, template')) continue;
			const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (english.test(text) && !otherLanguage(node)) found.push(text);
		}
		for (const element of document.body.querySelectorAll(
			'[aria-label], [title], [alt], [placeholder]'
		)) {
			for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
				const value = element.getAttribute(name);
				if (value && english.test(value) && !otherLanguage(element)) found.push(`${name}=${value}`);
			}
		}
		if (english.test(document.title)) found.push(`<title>${document.title}`);
		return found;
	});
}

const corpus = contentCorpus();

/**
 * Content and proper nouns: the lessons' own text, the brand, the badge standard's name,
 * addresses and identifiers (a certificate's link to /verify, its urn:uuid), and `typed` (what
 * a learner or tutor wrote: a name, a reason).
 */
export function allowed(text: string, typed: readonly string[] = []): boolean {
	const bare = text
		.replace(/^(alt|title|aria-label|placeholder)=/, '')
		.replace(/^[\s·:,.]+|[\s·:,.]+$/g, '');
	return (
		corpus.includes(bare) ||
		/^(Clyde|Open Badges 3\.0)$/.test(text) ||
		/^(https?:\/\/|urn:)\S+$/.test(bare) ||
		typed.some((words) => bare.includes(words))
	);
}
