import { JSDOM } from 'jsdom';

/** What in `html` could run in a browser: script-bearing elements, handlers, script URLs. */
export function executableParts(html: string): string[] {
	const found: string[] = [];
	for (const element of new JSDOM(html).window.document.body.querySelectorAll('*')) {
		const tag = element.tagName.toLowerCase();
		if (/^(script|iframe|object|embed|form|style|svg|math|base|meta|link|template)$/.test(tag)) {
			found.push(`<${tag}>`);
		}
		for (const attribute of element.attributes) {
			if (/^on/i.test(attribute.name) || attribute.name === 'style') found.push(attribute.name);
			if (/^(javascript|vbscript|data:text)/i.test(attribute.value.replace(/[\s\0]/g, ''))) {
				found.push(`${attribute.name}=${attribute.value}`);
			}
		}
	}
	return found;
}
