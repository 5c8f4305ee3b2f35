import { guardLoops, loopGuardPrelude } from './loop-guard';
import type { ExerciseFiles } from './types';

/** Whatever turns HTML into a Document: DOMParser in the app, jsdom in content:check. */
export type ParseHtml = (html: string) => Document;

/** What the loop guard calls when it stops a loop: tells the runner, the page's parent. */
export const LOOP_REPORT = "(() => parent.postMessage({ clyde: 'loop-stopped' }, '*'))";

/**
 * One HTML document from a learner's three files, ready for the sandboxed frame: style.css and
 * script.js inlined where index.html links them (or at the end of head and body when it does
 * not), every piece of JavaScript the page can run (scripts, on… attributes, javascript: links)
 * given loop guards, and the guard itself first. The frame's CSP allows inline code only, so
 * nothing else can run: no eval, no scripts from elsewhere.
 */
export function buildPage(files: ExerciseFiles, parse: ParseHtml): string {
	const doc = parse(files['index.html'] ?? '');
	const css = files['style.css'] ?? '';
	// A "</script" in script.js would end its element early once serialised; in a string, "<\/"
	// means the same to JavaScript.
	const js = (files['script.js'] ?? '').replace(/<\/(script)/gi, '<\\/$1');

	const links = doc.querySelectorAll('link[rel~="stylesheet" i][href="style.css"]');
	for (const link of links) link.replaceWith(styleElement(doc, css));
	if (links.length === 0 && css.trim()) doc.head.append(styleElement(doc, css));

	const scriptRefs = doc.querySelectorAll('script[src="script.js"]');
	for (const script of scriptRefs) {
		script.removeAttribute('src');
		script.textContent = js;
	}
	if (scriptRefs.length === 0 && js.trim()) {
		const script = doc.createElement('script');
		script.textContent = js;
		doc.body.append(script);
	}

	for (const script of doc.querySelectorAll('script:not([src])')) {
		script.textContent = guardLoops(script.textContent ?? '');
	}
	for (const element of doc.querySelectorAll('*')) {
		for (const attribute of [...element.attributes]) guardAttribute(element, attribute);
	}

	const prelude = doc.createElement('script');
	prelude.textContent = loopGuardPrelude(LOOP_REPORT);
	doc.head.prepend(prelude);
	return `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`;
}

function styleElement(doc: Document, css: string): HTMLStyleElement {
	const style = doc.createElement('style');
	style.textContent = css;
	return style;
}

function guardAttribute(element: Element, attribute: Attr): void {
	const name = attribute.name.toLowerCase();
	if (name.startsWith('on')) {
		element.setAttribute(attribute.name, guardLoops(attribute.value));
	} else if (/^\s*javascript:/i.test(attribute.value)) {
		const code = attribute.value.replace(/^\s*javascript:/i, '');
		element.setAttribute(attribute.name, `javascript:${guardLoops(code)}`);
	}
}
