/**
 * `![alt](src "caption")` with the alt text and caption written so that Markdown reads them
 * back as typed: one line each, brackets and quotes escaped.
 */
export function pictureMarkdown(alt: string, src: string, caption: string): string {
	const line = (text: string) => text.replace(/\s+/g, ' ').trim();
	const altText = line(alt).replace(/[\\[\]]/g, (c) => `\\${c}`);
	const title = line(caption).replace(/[\\"]/g, (c) => `\\${c}`);
	return `![${altText}](${src}${title ? ` "${title}"` : ''})`;
}

/** An insertion into a text: what to put at `at`, and where the cursor goes after it. */
export interface Insertion {
	at: number;
	insert: string;
	cursor: number;
}

/**
 * Puts `block` into a lesson's text as a paragraph of its own (pictures must be: content:check
 * says so), after the paragraph the cursor is in, with one blank line before and after.
 * A cursor in the frontmatter (a lesson just opened has it at the start) puts it at the end.
 */
export function insertParagraph(text: string, cursor: number, block: string): Insertion {
	const bodyStart = frontmatterEnd(text);
	const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
	const lineEnd = text.indexOf('\n', cursor) < 0 ? text.length : text.indexOf('\n', cursor);
	// On a line of text: after its paragraph (lines until a blank one), never inside it.
	const paragraphEnd = /\n[ \t]*(?:\n|$)/.exec(text.slice(lineStart));
	const blank = text.slice(lineStart, lineEnd).trim() === '';
	let at = blank ? lineEnd : paragraphEnd ? lineStart + paragraphEnd.index : text.length;
	if (cursor < bodyStart) at = text.length;
	const before = text.slice(0, at);
	const after = text.slice(at);
	const lead =
		before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
	// `after` starts with the line's own "\n" (or is empty): one more makes the blank line.
	const trail = after === '' ? '\n' : after.startsWith('\n\n') ? '' : '\n';
	const insert = `${lead}${block}${trail}`;
	return { at, insert, cursor: at + lead.length + block.length };
}

/** Where the body starts: after the closing `---` of the frontmatter, or 0 if there is none. */
function frontmatterEnd(text: string): number {
	if (!text.startsWith('---\n')) return 0;
	const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
	return close ? 3 + close.index + close[0].length : 0;
}
