import { moveFiles, type Drafts } from './move-files';

/** The module.md files of a pathway folder ("01-de"), in the order learners get them. */
export function modulesOf(files: ReadonlyMap<string, string>, pathwayDir: string): string[] {
	return [...files.keys()]
		.filter((file) => file.startsWith(`${pathwayDir}/`) && /^[^/]+\/[^/]+\/module\.md$/.test(file))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Moving a module one place up (-1) or down (1) in its pathway: its folder and its
 * neighbour's swap numbers, every file in them going along (lessons, translations), links
 * followed. Ids stay with the texts, so learners keep their progress; the pictures in the
 * folders follow at publish (followAssets). Undefined at either end.
 */
export function moveModule(
	files: ReadonlyMap<string, string>,
	moduleFile: string,
	direction: -1 | 1
): Drafts | undefined {
	const pathwayDir = moduleFile.split('/')[0] ?? '';
	const modules = modulesOf(files, pathwayDir);
	const at = modules.indexOf(moduleFile);
	const other = modules[at + direction];
	if (at < 0 || !other) return undefined;
	const folder = (file: string) => file.split('/')[1] ?? '';
	const number = (file: string) => /^(\d+)-/.exec(folder(file))?.[1];
	const mine = number(moduleFile);
	const theirs = number(other);
	if (!mine || !theirs) return undefined;
	const renumbered = (dir: string, to: string) => dir.replace(/^\d+-/, `${to}-`);
	const moves: [string, string][] = [];
	for (const [dir, to] of [
		[folder(moduleFile), renumbered(folder(moduleFile), theirs)],
		[folder(other), renumbered(folder(other), mine)]
	] as const) {
		for (const file of inFolder(files, `${pathwayDir}/${dir}`))
			moves.push([file, `${pathwayDir}/${to}${file.slice(pathwayDir.length + 1 + dir.length)}`]);
	}
	return moveFiles(files, moves);
}

/** Unpublishing a module: every file in its folder (module.md, lessons, translations) as a removal draft. */
export function removeModule(files: ReadonlyMap<string, string>, moduleFile: string): Drafts {
	const dir = moduleFile.slice(0, -'/module.md'.length);
	return new Map(inFolder(files, dir).map((file) => [file, '']));
}

/** Every file in a module folder, module.md last, so that its lessons go before it does. */
function inFolder(files: ReadonlyMap<string, string>, dir: string): string[] {
	const all = [...files.keys()].filter((file) => file.startsWith(`${dir}/`));
	return [
		...all.filter((f) => !f.endsWith('/module.md')),
		...all.filter((f) => f.endsWith('/module.md'))
	];
}
