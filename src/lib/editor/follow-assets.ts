import { dirname } from '../../../scripts/content/paths';

/**
 * The pictures of the published content (`assets`, by path) with copies where a moved
 * module or lesson now looks for them. A module.md or lesson whose `id:` is published in
 * another folder has moved (module-order.ts, lesson-order.ts): a module's folder takes all
 * the pictures of its old folder, a lesson those of its old module's folder that its text
 * places (`](images/router.svg)`). Text drafts cannot carry pictures, and the Markdown
 * keeps its relative paths, so the pictures follow it here, in the editor's preview and in
 * the publish alike.
 */
export function followAssets(
	published: ReadonlyMap<string, string>,
	edited: ReadonlyMap<string, string>,
	assets: ReadonlyMap<string, Uint8Array>
): Map<string, Uint8Array> {
	const out = new Map(assets);
	const was = new Map<string, string>();
	for (const [file, text] of published) {
		const id = idOf(text);
		if (id) was.set(`${kindOf(file)} ${id}`, file);
	}
	for (const [file, text] of edited) {
		const id = idOf(text);
		const before = id && was.get(`${kindOf(file)} ${id}`);
		if (!before || dirname(before) === dirname(file)) continue;
		const from = `${dirname(before)}/`;
		const to = `${dirname(file)}/`;
		for (const [path, bytes] of assets) {
			if (!path.startsWith(from)) continue;
			const rest = path.slice(from.length);
			const placed = kindOf(file) === 'module' || text.includes(`](${rest}`);
			if (placed && !out.has(to + rest)) out.set(to + rest, bytes);
		}
	}
	return out;
}

const idOf = (text: string) => {
	const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	return /^id:[ \t]*(\S+)/m.exec(head)?.[1];
};
const kindOf = (file: string) => (file.endsWith('/module.md') ? 'module' : 'lesson');
