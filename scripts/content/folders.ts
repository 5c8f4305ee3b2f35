import type { FileReport } from './diagnostics';

/** A numbered folder or file name: "01-staying-safe" is position 1, slug "staying-safe". */
export const NUMBERED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface LessonEntry {
	file: string;
	slug: string;
	position: number;
}
export interface ModuleDir {
	dir: string;
	slug: string;
	position: number;
	lessons: LessonEntry[];
}
export interface PathwayDir {
	dir: string;
	slug: string;
	position: number;
	modules: ModuleDir[];
}

/** Sorts the files into pathways, modules and lessons by their numbered folder and file names. */
export function classify(files: string[], reportFor: (file: string) => FileReport): PathwayDir[] {
	const pathways = new Map<string, PathwayDir>();
	const pathwayOf = (dir: string): PathwayDir | undefined => {
		const match = NUMBERED.exec(dir);
		if (!match) return undefined;
		let entry = pathways.get(dir);
		if (!entry) {
			entry = { dir, slug: match[2] as string, position: Number(match[1]), modules: [] };
			pathways.set(dir, entry);
		}
		return entry;
	};
	const moduleOf = (pathway: PathwayDir, name: string): ModuleDir | undefined => {
		const match = NUMBERED.exec(name);
		if (!match) return undefined;
		const dir = `${pathway.dir}/${name}`;
		let entry = pathway.modules.find((m) => m.dir === dir);
		if (!entry) {
			entry = { dir, slug: match[2] as string, position: Number(match[1]), lessons: [] };
			pathway.modules.push(entry);
		}
		return entry;
	};
	const misplaced = (file: string, why: string) => reportFor(file).error(0, why);

	for (const file of [...files].sort()) {
		const parts = file.split('/');
		const [first, second, third] = parts;
		if (parts.length === 1) {
			if (file.toLowerCase() !== 'readme.md') {
				misplaced(
					file,
					'Markdown files go inside a numbered pathway folder, like content/01-digital-essentials/'
				);
			}
			continue;
		}
		const pathway = pathwayOf(first as string);
		if (!pathway) {
			misplaced(file, `pathway folder "${first}" must be numbered, like "01-${first}"`);
			continue;
		}
		if (parts.length === 2) {
			if (second !== 'pathway.md') {
				misplaced(
					file,
					'only pathway.md sits directly in a pathway folder; lessons go in numbered module folders'
				);
			}
			continue;
		}
		const module = moduleOf(pathway, second as string);
		if (!module || parts.length > 3) {
			misplaced(
				file,
				`module folder "${second}" must be numbered, like "01-${second}", and hold module.md and the lessons`
			);
			continue;
		}
		if (third === 'module.md') continue;
		const match = NUMBERED.exec((third as string).replace(/\.md$/, ''));
		if (!match) {
			misplaced(
				file,
				`lesson file "${third}" must be named with a number and lower-case words, like "01-${third}"`
			);
			continue;
		}
		module.lessons.push({ file, slug: match[2] as string, position: Number(match[1]) });
	}

	const byPosition = <T extends { position: number }>(list: T[]) =>
		list.sort((a, b) => a.position - b.position);
	const result = byPosition([...pathways.values()]);
	checkPositions(result, (p) => `${p.dir}/pathway.md`, 'pathways', reportFor);
	for (const pathway of result) {
		byPosition(pathway.modules);
		checkPositions(pathway.modules, (m) => `${m.dir}/module.md`, 'modules', reportFor);
		for (const module of pathway.modules) {
			byPosition(module.lessons);
			checkPositions(module.lessons, (l) => l.file, 'lessons', reportFor);
		}
	}
	return result;
}

function checkPositions<T extends { position: number; slug: string }>(
	list: T[],
	fileOf: (item: T) => string,
	what: string,
	reportFor: (file: string) => FileReport
): void {
	for (let i = 1; i < list.length; i++) {
		const item = list[i] as T;
		const previous = list[i - 1] as T;
		if (item.position === previous.position) {
			reportFor(fileOf(item)).error(
				0,
				`two ${what} are numbered ${item.position} ("${previous.slug}" and "${item.slug}"): give each its own number`
			);
		}
		if (
			item.slug === previous.slug ||
			list.some((other) => other !== item && other.slug === item.slug)
		) {
			reportFor(fileOf(item)).error(
				0,
				`two ${what} are called "${item.slug}": their web addresses would clash`
			);
			break;
		}
	}
}
