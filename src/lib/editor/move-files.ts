import { dirname, joinPath } from '../../../scripts/content/paths';

/**
 * Draft texts by file: the text to save, or '' for a file that goes (a draft with no text is
 * a removal, listed as "removed" on the publish page). Texts come first, removals last, so
 * that saving them in order never leaves a lesson without its text.
 */
export type Drafts = Map<string, string>;

/**
 * Moving files to new paths (`[from, to]`) as drafts: each text at its new path, '' at its
 * old one, and every link between content files (`](../02-safe/01-scams.md#top)`), in moved
 * files and others alike, pointed at where its target now is. Ids go with the texts, so
 * learners' progress, which keys on them, follows.
 */
export function moveFiles(
	files: ReadonlyMap<string, string>,
	moves: ReadonlyArray<readonly [string, string]>
): Drafts {
	const destination = new Map(moves);
	const where = (file: string) => destination.get(file) ?? file;
	const drafts: Drafts = new Map();
	for (const [from, to] of moves)
		drafts.set(to, relink(files, files.get(from) ?? '', from, to, where));
	for (const [path, text] of files) {
		if (destination.has(path)) continue;
		const linked = relink(files, text, path, path, where);
		if (linked !== text) drafts.set(path, linked);
	}
	for (const [from] of moves) if (!drafts.has(from)) drafts.set(from, '');
	return drafts;
}

/** `text`, written at `from` and now at `to`, with its links to content files that moved (or that it moved away from) rewritten. */
function relink(
	files: ReadonlyMap<string, string>,
	text: string,
	from: string,
	to: string,
	where: (file: string) => string
): string {
	return text.replace(/\]\(([^)\s#:]+\.md)(?=[)#\s])/g, (whole, target: string) => {
		if (target.startsWith('/')) return whole;
		const resolved = joinPath(dirname(from), target);
		if (!files.has(resolved)) return whole;
		const next = relative(dirname(to), where(resolved));
		return next === target ? whole : `](${next}`;
	});
}

/** The path of `file` as a link from the folder `dir` writes it: "02-a.md", "../02-m/02-a.md". */
function relative(dir: string, file: string): string {
	const from = dir.split('/');
	const parts = file.split('/');
	let common = 0;
	while (common < from.length && from[common] === parts[common]) common++;
	return [...from.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}
