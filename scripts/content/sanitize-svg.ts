import createDOMPurify, { type DOMPurify } from 'dompurify';
import { SVG } from './allow-list';
import { attributeProblem, elementProblem } from './svg-contract';

export interface SanitisedSvg {
	/** The picture as published: XML, starting "<svg ", no <title>, comments or blank text. */
	svg: string;
	/** What DOMPurify took out besides those, described for an editor (normally nothing). */
	removed: string[];
}

/** DOMPurify hands hooks lower-cased names; the contract spells some in camel case (viewBox). */
const ATTRIBUTE_NAMES = new Map(Object.keys(SVG.attributes).map((n) => [n.toLowerCase(), n]));

/**
 * A picture as it is published: DOMPurify's SVG profile, narrowed by hooks to the contract of
 * pb_hooks/lib/allow-list.json, then written as XML. The <title> goes: on the phone the alt text
 * is the picture's name (aria-label), and a second name would be read twice. On the given
 * window: the browser's own, or jsdom's in Node (node-sanitiser.ts).
 */
export function svgSanitiser(window: Window): (text: string) => SanitisedSvg {
	const dom = window as Window & typeof globalThis;
	const purify = withContract(createDOMPurify(dom));
	const serialiser = new dom.XMLSerializer();
	return (text) => sanitise(purify, serialiser, text);
}

function sanitise(purify: DOMPurify, serialiser: XMLSerializer, text: string): SanitisedSvg {
	const fragment = purify.sanitize(text, {
		USE_PROFILES: { svg: true },
		// A removed element goes with its content: a <title>'s words must not land in the picture.
		KEEP_CONTENT: false,
		RETURN_DOM_FRAGMENT: true
	});
	const removed = purify.removed.map(describeRemoval).filter((r): r is string => r !== undefined);
	const root = fragment.firstElementChild;
	if (!root || root.localName !== 'svg' || fragment.childElementCount !== 1) {
		return { svg: '', removed: [...removed, 'the <svg> element itself'] };
	}
	dropBlankText(root);
	return { svg: serialiser.serializeToString(root), removed };
}

function withContract(instance: DOMPurify): DOMPurify {
	instance.addHook('uponSanitizeElement', (node, data) => {
		if (node.nodeType !== 1) return;
		const isRoot = node.parentNode?.nodeName === 'BODY';
		const parent = isRoot ? '' : (node.parentNode?.nodeName.toLowerCase() ?? '');
		if (data.tagName === 'title' || elementProblem(data.tagName, parent, isRoot)) {
			// Holds for this sanitize() call only: DOMPurify rebuilds the set from the profile each time.
			data.allowedTags[data.tagName] = false;
		}
	});
	instance.addHook('uponSanitizeAttribute', (node, data) => {
		const name = ATTRIBUTE_NAMES.get(data.attrName) ?? data.attrName;
		const isRoot = node.parentNode?.nodeName === 'BODY';
		if (attributeProblem(name, data.attrValue, isRoot)) data.keepAttr = false;
	});
	return instance;
}

/** Whitespace between shapes is only indentation: leave it out of what phones download. */
function dropBlankText(element: Element): void {
	if ((SVG.textElements as string[]).includes(element.localName)) return;
	for (const child of [...element.childNodes]) {
		if (child.nodeType === 3 && !child.textContent?.trim()) child.remove();
		else if (child.nodeType === 1) dropBlankText(child as Element);
	}
}

/** A removal worth telling an editor about; the title, comments and the parser's own wrappers are not. */
function describeRemoval(item: DOMPurify['removed'][number]): string | undefined {
	if ('attribute' in item && item.attribute) {
		const tag = (item.from as Element | undefined)?.localName ?? '?';
		return `${item.attribute.name}="${item.attribute.value}" on <${tag}>`;
	}
	const node = (item as { element: Node }).element;
	if (node.nodeType !== 1) return undefined;
	const name = (node as Element).localName;
	return ['title', 'body', 'html', 'head'].includes(name) ? undefined : `<${name}>`;
}
