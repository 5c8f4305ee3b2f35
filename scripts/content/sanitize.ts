import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { LESSON_HTML } from './allow-list';
import type { FileReport } from './diagnostics';
import type { CompiledMedia } from './pictures';

// DOMPurify is the sanitiser browsers' own security teams recommend. It needs a DOM: the
// browser's own window, or jsdom's in Node (node-sanitiser.ts). The allow-list is one JSON
// file (pb_hooks/lib/allow-list.json) that the server checks published HTML against too
// (pb_hooks/lib/lesson-html.js).

/** The tags an editor may write as raw HTML inside Markdown, where Markdown has no syntax. */
export const EDITOR_TAGS = ['kbd', 'abbr', 'details', 'summary', 'sup', 'sub', 'br'];

const { tags: TAGS, values: VALUES, urls: URLS } = LESSON_HTML;

const patterns = new Map<string, RegExp | undefined>();

/** The pattern a value of `attribute` on `tag` must match, if it has one. */
export function valuePattern(tag: string, attribute: string): RegExp | undefined {
	const key = `${tag} ${attribute}`;
	if (!patterns.has(key)) {
		const source = VALUES[key] ?? VALUES[attribute] ?? URLS[key];
		patterns.set(key, source === undefined ? undefined : new RegExp(source));
	}
	return patterns.get(key);
}

const allAttributes = (tags: string[]) => [...new Set(tags.flatMap((tag) => TAGS[tag] ?? []))];

/**
 * What rendered Markdown may keep, and the picture placeholders (a figure naming its picture
 * by hash): nothing that runs, loads a frame, or posts a form.
 */
const RENDERED: Config = {
	ALLOWED_TAGS: Object.keys(TAGS),
	ALLOWED_ATTR: allAttributes(Object.keys(TAGS)),
	// DOMPurify checks every non-text attribute against this: https, mailto and tel URLs,
	// same-site paths, anchors and plain values ("checkbox", "center"); no other scheme, and
	// no protocol-relative "//host". The allow-list's URL patterns narrow it further.
	ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z/]|\/(?!\/)|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
	ALLOW_DATA_ATTR: false,
	FORCE_BODY: true
};

const EDITOR_HTML: Config = {
	ALLOWED_TAGS: EDITOR_TAGS,
	ALLOWED_ATTR: allAttributes(EDITOR_TAGS),
	ALLOW_DATA_ATTR: false,
	// Without it, a leading <script> is parsed into <head> and dropped without being reported.
	FORCE_BODY: true
};

export interface Sanitised {
	html: string;
	/** What was taken out, described for an editor: `<script>`, `onerror="…"` on <img>. */
	removed: string[];
}

export interface Sanitiser {
	/** Sanitises rendered lesson HTML. */
	rendered(html: string): Sanitised;
	/** Sanitises one piece of raw HTML an editor wrote; anything removed is an authoring error. */
	editorHtml(html: string): Sanitised;
	/**
	 * A picture file as published (the SVG contract checked, the SVG sanitised, named by its
	 * hash), or undefined with the reasons in `report` (node-sanitiser.ts, and the editor's
	 * browser-sanitiser.ts for a publish): without it pictures are checked by path only and
	 * placed without a hash, as the editor's checks as you type do.
	 */
	picture?(file: string, bytes: Uint8Array, report: FileReport): CompiledMedia | undefined;
}

/** A sanitiser on the given window: the browser's, or jsdom's in Node. */
export function createSanitiser(window: Window): Sanitiser {
	const dom = window as Window & typeof globalThis;
	const rendered = withAllowList(createDOMPurify(dom));
	const editor = withAllowList(createDOMPurify(dom));
	return {
		rendered: (html) => run(rendered, html, RENDERED),
		editorHtml(html) {
			// Comments are an editor's notes, not content: not an error, and never published.
			const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
			// DOMPurify turns an empty input into a comment of its own and reports it removed.
			if (!withoutComments.trim()) return { html: '', removed: [] };
			return run(editor, withoutComments, EDITOR_HTML);
		}
	};
}

function run(purify: DOMPurify, html: string, config: Config): Sanitised {
	const clean = purify.sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false }) as string;
	// DOMPurify lists the wrapper elements of its own parse as removed; they were never content.
	const removed = purify.removed
		.map(describeRemoval)
		.filter((r): r is string => r !== undefined)
		.filter((r) => !['<body>', '<html>', '<head>', '<remove>'].includes(r));
	return { html: clean, removed };
}

/** An editor's words for what DOMPurify took out, or undefined for what was never content. */
function describeRemoval(item: DOMPurify['removed'][number]): string | undefined {
	if ('attribute' in item && item.attribute) {
		const tag = (item.from as Element | undefined)?.tagName?.toLowerCase() ?? '?';
		return `${item.attribute.name}="${item.attribute.value}" on <${tag}>`;
	}
	const node = (item as { element: Node }).element;
	if (node.nodeType === 1) return `<${(node as Element).tagName.toLowerCase()}>`;
	// Text is removed with the element around it (the script inside <script>), which is
	// already named; a comment is an editor's note.
	return undefined;
}

/**
 * Each attribute only on the tags the allow-list gives it, with a value its pattern allows:
 * classes only name a code block's language or a callout, nothing may borrow the app's
 * styles; ids are heading anchors under their own prefix, so they cannot clash with the app's
 * ids or clobber its globals; a figure's data-media is only a picture's hash. Inputs can only
 * be task-list checkboxes.
 */
function withAllowList(purify: DOMPurify): DOMPurify {
	purify.addHook('uponSanitizeAttribute', (node, data) => {
		const tag = node.nodeName.toLowerCase();
		if (!(TAGS[tag] ?? []).includes(data.attrName)) {
			data.keepAttr = false;
			return;
		}
		const pattern = valuePattern(tag, data.attrName);
		if (pattern && !pattern.test(data.attrValue)) data.keepAttr = false;
	});
	purify.addHook('afterSanitizeAttributes', (node) => {
		if (node.nodeName === 'INPUT') {
			node.setAttribute('type', 'checkbox');
			node.setAttribute('disabled', '');
		}
	});
	return purify;
}
