import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { LESSON_HTML } from './allow-list';

// DOMPurify is the sanitiser browsers' own security teams recommend; jsdom gives it a DOM in
// Node. Sanitising happens once, at publish time, so phones receive HTML that is already safe.

/**
 * What Markdown itself produces, and the picture placeholders: nothing that runs, loads a
 * frame, or posts a form. The lists are pb_hooks/lib/allow-list.js's, which the server uses too.
 */
const RENDERED: Config = {
	ALLOWED_TAGS: LESSON_HTML.tags,
	ALLOWED_ATTR: LESSON_HTML.attributes,
	// DOMPurify checks every non-text attribute against this: https, mailto and tel URLs,
	// same-site paths, anchors and plain values ("checkbox", "center"); no other scheme, and
	// no protocol-relative "//host".
	ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z/]|\/(?!\/)|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
	ALLOW_DATA_ATTR: false,
	FORCE_BODY: true
};

/** What an editor may write as raw HTML inside Markdown, where Markdown has no syntax. */
const EDITOR_HTML: Config = {
	ALLOWED_TAGS: ['kbd', 'abbr', 'details', 'summary', 'sup', 'sub', 'br'],
	ALLOWED_ATTR: ['title', 'open'],
	ALLOW_DATA_ATTR: false,
	// Without it, a leading <script> is parsed into <head> and dropped without being reported.
	FORCE_BODY: true
};

export interface Sanitised {
	html: string;
	/** What was taken out, described for an editor: `<script>`, `onerror="…"` on <img>. */
	removed: string[];
}

const { window } = new JSDOM('');
const rendered = withClassFilter(createDOMPurify(window as unknown as Window & typeof globalThis));
const editor = createDOMPurify(window as unknown as Window & typeof globalThis);

/** Sanitises rendered lesson HTML. */
export function sanitiseRendered(html: string): Sanitised {
	return run(rendered, html, RENDERED);
}

/** Sanitises one piece of raw HTML an editor wrote; anything removed is an authoring error. */
export function sanitiseEditorHtml(html: string): Sanitised {
	// Comments are an editor's notes, not content: not an error, and never published.
	return run(editor, html.replace(/<!--[\s\S]*?-->/g, ''), EDITOR_HTML);
}

function run(purify: DOMPurify, html: string, config: Config): Sanitised {
	const clean = purify.sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false }) as string;
	// DOMPurify lists the wrapper elements of its own parse as removed; they were never content.
	const removed = purify.removed
		.map(describeRemoval)
		.filter((r) => !['<body>', '<html>', '<head>', '<remove>'].includes(r));
	return { html: clean, removed };
}

function describeRemoval(item: DOMPurify['removed'][number]): string {
	if ('attribute' in item && item.attribute) {
		const tag = (item.from as Element | undefined)?.tagName?.toLowerCase() ?? '?';
		return `${item.attribute.name}="${item.attribute.value}" on <${tag}>`;
	}
	const node = (item as { element: Node }).element;
	return node.nodeType === 1 ? `<${(node as Element).tagName.toLowerCase()}>` : 'text';
}

/**
 * Classes only name a code block's language (`language-js`): nothing may borrow the app's
 * styles. Inputs can only be task-list checkboxes; data-media only a picture's hash.
 */
function withClassFilter(purify: DOMPurify): DOMPurify {
	purify.addHook('uponSanitizeAttribute', (_node, data) => {
		if (data.attrName === 'class' && !/^language-[\w-]+$/.test(data.attrValue))
			data.keepAttr = false;
		// A picture's place names its media by hash, and by nothing else.
		if (data.attrName === 'data-media' && !LESSON_HTML.mediaHash.test(data.attrValue))
			data.keepAttr = false;
	});
	// Markdown task lists are the only inputs a lesson has: each one is a disabled checkbox.
	purify.addHook('afterSanitizeAttributes', (node) => {
		if (node.nodeName === 'INPUT') {
			node.setAttribute('type', 'checkbox');
			node.setAttribute('disabled', '');
		}
	});
	return purify;
}
