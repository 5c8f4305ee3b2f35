import type { FileReport } from './diagnostics';
import { TRANSLATION_LANGUAGES, translationOf } from './translation-file';

/** A numbered folder or file name: "01-staying-safe" is position 1, slug "staying-safe". */
export const NUMBERED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export interface LessonEntry {
	file: string;
	slug: string;
	position: number;
	/** Its translations beside it ("01-passwords.pl.md"), by language code. */
	translations: Map<string, string>;
}
export interface ModuleDir {
	dir: string;
	slug: string;
	position: number;
	lessons: LessonEntry[];
	/** Its module.md's translations ("module.pl.md"), by language code. */
	translations: Map<string, string>;
}
export interface PathwayDir {
	dir: string;
	slug: string;
	position: number;
	modules: ModuleDir[];
	/** Its pathway.md's translations ("pathway.pl.md"), by language code. */
	translations: Map<string, string>;
}

/** Sorts the files into pathways, modules and lessons by their numbered folder and file names. */
export function classify(files: string[], reportFor: (file: string) => FileReport): PathwayDir[] {
	const pathways = new Map<string, PathwayDir>();
	const pathwayOf = (dir: string): PathwayDir | undefined => {
		const match = NUMBERED.exec(dir);
		if (!match) return undefined;
		let entry = pathways.get(dir);
		if (!entry) {
			entry = {
				dir,
				slug: match[2] as string,
				position: Number(match[1]),
				modules: [],
				translations: new Map()
			};
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
			entry = {
				dir,
				slug: match[2] as string,
				position: Number(match[1]),
				lessons: [],
				translations: new Map()
			};
			pathway.modules.push(entry);
		}
		return entry;
	};
	const misplaced = (file: string, why: string) => reportFor(file).error(0, why);
	const translations: { file: string; original: string; language: string }[] = [];

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
			if (introTranslation(file, 'pathway.md', pathway.translations, misplaced)) continue;
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
		if (introTranslation(file, 'module.md', module.translations, misplaced)) continue;
		const translation = translationOf(file);
		if (translation) {
			translations.push({ file, ...translation });
			continue;
		}
		const match = NUMBERED.exec((third as string).replace(/\.md$/, ''));
		if (!match) {
			misplaced(
				file,
				`lesson file "${third}" must be named with a number and lower-case words, like "01-${third}"`
			);
			continue;
		}
		module.lessons.push({
			file,
			slug: match[2] as string,
			position: Number(match[1]),
			translations: new Map()
		});
	}
	placeTranslations(pathways.values(), translations, misplaced);

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

/**
 * Whether `file` is a translation of the pathway.md or module.md beside it ("pathway.pl.md");
 * one in a language the interface does not have is an error.
 */
function introTranslation(
	file: string,
	original: 'pathway.md' | 'module.md',
	translations: Map<string, string>,
	misplaced: (file: string, why: string) => void
): boolean {
	const translation = translationOf(file);
	if (!translation || !translation.original.endsWith(`/${original}`)) return false;
	if (TRANSLATION_LANGUAGES.includes(translation.language))
		translations.set(translation.language, file);
	else
		misplaced(
			file,
			`"${translation.language}" is not a language Clyde's screens speak (${TRANSLATION_LANGUAGES.join(', ')}): a translation is named like "${original.replace(/\.md$/, '')}.pl.md"`
		);
	return true;
}

/** Puts each translation beside its original lesson; one with no original, or in a language the interface does not have, is an error. */
function placeTranslations(
	pathways: Iterable<PathwayDir>,
	translations: { file: string; original: string; language: string }[],
	misplaced: (file: string, why: string) => void
): void {
	const lessons = new Map<string, LessonEntry>();
	for (const pathway of pathways)
		for (const module of pathway.modules) for (const l of module.lessons) lessons.set(l.file, l);
	for (const { file, original, language } of translations) {
		const lesson = lessons.get(original);
		if (!TRANSLATION_LANGUAGES.includes(language)) {
			misplaced(
				file,
				`"${language}" is not a language Clyde's screens speak (${TRANSLATION_LANGUAGES.join(', ')}): a translation is named like "${original.split('/').pop()?.replace(/\.md$/, '')}.pl.md"`
			);
		} else if (!lesson) {
			misplaced(
				file,
				`this translation has no original lesson ${original.split('/').pop()} beside it: name it after the lesson it translates`
			);
		} else lesson.translations.set(language, file);
	}
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
