import { translationOf } from '../../../scripts/content/translation-file';

/**
 * Draft texts by file: the text to save, or '' for a file that goes (a draft with no text is
 * a removal, listed as "removed" on the publish page). Texts come first, removals last, so
 * that saving them in order never leaves a lesson without its text.
 */
export type Drafts = Map<string, string>;

/** The lessons of a module folder (not their translations), in the order learners get them. */
export function lessonsOf(files: ReadonlyMap<string, string>, moduleDir: string): string[] {
	return [...files.keys()]
		.filter(
			(file) =>
				file.startsWith(`${moduleDir}/`) &&
				file.split('/').length === 3 &&
				!file.endsWith('/module.md') &&
				!translationOf(file)
		)
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Moving a lesson one place up (-1) or down (1) in its module: it and its neighbour swap
 * their files' numbers, translations included. Their `id:`s, which the publish and learners'
 * progress key on, go with their texts, so no progress is lost. Links to either from any
 * file (`](../02-safe/01-scams.md)`) follow them. Undefined at either end.
 */
export function moveLesson(
	files: ReadonlyMap<string, string>,
	file: string,
	direction: -1 | 1
): Drafts | undefined {
	const moduleDir = file.split('/').slice(0, 2).join('/');
	const lessons = lessonsOf(files, moduleDir);
	const at = lessons.indexOf(file);
	const other = lessons[at + direction];
	if (at < 0 || !other) return undefined;
	const number = (path: string) => /^(\d+)-/.exec(path.split('/')[2] ?? '')?.[1];
	const mine = number(file);
	const theirs = number(other);
	if (!mine || !theirs) return undefined;
	const renumbered = (path: string, to: string) =>
		path.replace(/\/\d+-([^/]*)$/, (_, name: string) => `/${to}-${name}`);
	const moves: [string, string][] = [
		...withTranslations(files, file).map((from): [string, string] => [
			from,
			renumbered(from, theirs)
		]),
		...withTranslations(files, other).map((from): [string, string] => [
			from,
			renumbered(from, mine)
		])
	];
	const moved = new Set(moves.map(([from]) => from));
	const drafts: Drafts = new Map();
	for (const [from, to] of moves) drafts.set(to, relink(files.get(from) ?? '', to, moves));
	for (const [path, text] of files) {
		const linked = moved.has(path) ? text : relink(text, path, moves);
		if (linked !== text) drafts.set(path, linked);
	}
	for (const from of moved) if (!drafts.has(from)) drafts.set(from, '');
	return drafts;
}

/** Unpublishing a lesson: it and its translations as removal drafts. */
export function removeLesson(files: ReadonlyMap<string, string>, file: string): Drafts {
	return new Map(withTranslations(files, file).map((path) => [path, '']));
}

/** `text` (the file `path`'s) with its inline links to a moved file pointed at its new path. */
function relink(text: string, path: string, moves: ReadonlyArray<readonly [string, string]>) {
	const dir = path.split('/').slice(0, -1);
	const targets = new Map(moves.map(([from, to]) => [relative(dir, from), relative(dir, to)]));
	const escaped = [...targets.keys()].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const link = new RegExp(`\\]\\((${escaped.join('|')})(?=[)#\\s])`, 'g');
	return text.replace(link, (_, target: string) => `](${targets.get(target) ?? target}`);
}

/** The path of `file` as a link from the folder `dir` writes it: "02-a.md", "../02-m/02-a.md". */
function relative(dir: string[], file: string): string {
	const parts = file.split('/');
	let common = 0;
	while (common < dir.length && dir[common] === parts[common]) common++;
	return [...dir.slice(common).map(() => '..'), ...parts.slice(common)].join('/');
}

function withTranslations(files: ReadonlyMap<string, string>, lesson: string): string[] {
	return [lesson, ...[...files.keys()].filter((f) => translationOf(f)?.original === lesson)];
}
