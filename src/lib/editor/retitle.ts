/**
 * A content file's text with its frontmatter `title:` set to `title`. Only the title changes:
 * the file's path, and so its place and the `id:` learners' progress is kept under, stay.
 */
export function retitle(text: string, title: string): string {
	const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
	if (!head) {
		throw new Error(
			'This file has no frontmatter (the lines between "---" at its top) to hold a title.'
		);
	}
	const line = `title: ${JSON.stringify(title.trim())}`;
	const fields = head[1] ?? '';
	const next = /^title:.*$/m.test(fields)
		? fields.replace(/^title:.*$/m, () => line)
		: `${fields}\n${line}`;
	return (
		text.slice(0, head.index) + head[0].replace(fields, () => next) + text.slice(head[0].length)
	);
}
