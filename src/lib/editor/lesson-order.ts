import { translationOf } from '../../../scripts/content/translation-file';
import { moveFiles, type Drafts } from './move-files';

export type { Drafts } from './move-files';

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
	return moveFiles(files, moves);
}

/** Unpublishing a lesson: it and its translations as removal drafts. */
export function removeLesson(files: ReadonlyMap<string, string>, file: string): Drafts {
	return new Map(withTranslations(files, file).map((path) => [path, '']));
}

/**
 * Moving a lesson to the end of another module of its pathway (`moduleDir`, "01-de/03-email"),
 * translations with it, numbered after that module's last lesson. Its id goes with it, so
 * learners keep their progress; links to it and from it follow. Undefined for its own module.
 */
export function moveLessonTo(
	files: ReadonlyMap<string, string>,
	file: string,
	moduleDir: string
): Drafts | undefined {
	const from = file.split('/').slice(0, 2).join('/');
	if (from === moduleDir || !files.has(`${moduleDir}/module.md`)) return undefined;
	const numbers = lessonsOf(files, moduleDir).map((l) =>
		Number(/^(\d+)-/.exec(l.split('/')[2] ?? '')?.[1] ?? 0)
	);
	const next = String(Math.max(0, ...numbers) + 1).padStart(2, '0');
	const name = (file.split('/')[2] ?? '').replace(/^\d+-/, '');
	return moveFiles(
		files,
		withTranslations(files, file).map((path): [string, string] => [
			path,
			`${moduleDir}/${next}-${name.replace(/\.md$/, '')}${path.slice(file.length - 3)}`
		])
	);
}

function withTranslations(files: ReadonlyMap<string, string>, lesson: string): string[] {
	return [lesson, ...[...files.keys()].filter((f) => translationOf(f)?.original === lesson)];
}
