import { LOCALES, LOCALE_NAMES, type AppLocale } from '$lib/i18n/locales';
import { translationOf } from '../../../scripts/content/translation-file';

export type FileKind = 'pathway' | 'module' | 'lesson';

/** A translation beside a lesson, pathway.md or module.md ("01-passwords.pl.md"). */
export interface TranslationItem {
	file: string;
	language: string;
	/** The language named in itself ("Polski"), or its code for one Clyde's screens lack. */
	name: string;
	/** From its `status:` line: reviewed once a speaker has signed it, else a draft. */
	status: 'draft' | 'reviewed';
}

export interface TreeItem {
	file: string;
	kind: FileKind;
	title: string;
	children: TreeItem[];
	/** Its translations, in the order the language chooser lists the languages. */
	translations: TranslationItem[];
}

const PATHWAY = /^[^/]+\/pathway\.md$/;
const MODULE = /^[^/]+\/[^/]+\/module\.md$/;
const LESSON = /^[^/]+\/[^/]+\/[^/]+\.md$/;

/** Which kind of content file a path in content/ names, if any. */
export function kindOf(file: string): FileKind | undefined {
	if (PATHWAY.test(file)) return 'pathway';
	if (MODULE.test(file)) return 'module';
	if (LESSON.test(file)) return 'lesson';
	return undefined;
}

/** The `title:` of a file's frontmatter, as written, for the tree; the file's name without it. */
export function titleOf(file: string, text: string): string {
	const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	const title = /^title:[ \t]*(.+?)[ \t]*$/m.exec(head)?.[1];
	if (title) return title.replace(/^(['"])(.*)\1$/, '$2');
	return kindOf(file) === 'lesson' ? nameOf(file.split('/').at(-1) ?? file) : folderName(file);
}

/**
 * Pathways, their modules and their lessons, in the order of their folders' and files'
 * numbers (as content:check and the publish order them). A lesson or module whose parent
 * file is missing still shows, under a parent named by its folder.
 */
export function contentTree(files: ReadonlyMap<string, string>): TreeItem[] {
	const byPath = new Map<string, TreeItem>();
	const item = (file: string, kind: FileKind) => {
		let found = byPath.get(file);
		if (!found) {
			const text = files.get(file);
			found = {
				file,
				kind,
				title: text === undefined ? folderName(file) : titleOf(file, text),
				children: [],
				translations: []
			};
			byPath.set(file, found);
		}
		return found;
	};
	const roots: TreeItem[] = [];
	const translations: string[] = [];
	for (const file of [...files.keys()].sort(byNumber)) {
		const original = translationOf(file)?.original;
		// A translation goes under its original, below; one with no original is listed as a
		// file of its own, where its check says so.
		if (original && files.has(original)) {
			translations.push(file);
			continue;
		}
		const kind = kindOf(file);
		const parts = file.split('/');
		if (kind === 'pathway') {
			const node = item(file, kind);
			if (!roots.includes(node)) roots.push(node);
		} else if (kind === 'module') {
			const pathway = item(`${parts[0]}/pathway.md`, 'pathway');
			if (!roots.includes(pathway)) roots.push(pathway);
			const module = item(file, kind);
			if (!pathway.children.includes(module)) pathway.children.push(module);
		} else if (kind === 'lesson') {
			const pathway = item(`${parts[0]}/pathway.md`, 'pathway');
			if (!roots.includes(pathway)) roots.push(pathway);
			const module = item(`${parts[0]}/${parts[1]}/module.md`, 'module');
			if (!pathway.children.includes(module)) pathway.children.push(module);
			module.children.push(item(file, kind));
		}
	}
	for (const file of translations.sort(byLanguage)) {
		const { original, language } = translationOf(file) as { original: string; language: string };
		byPath.get(original)?.translations.push(translationItem(file, language, files.get(file) ?? ''));
	}
	return roots;
}

function translationItem(file: string, language: string, text: string): TranslationItem {
	const head = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
	const reviewed = /^status:[ \t]*['"]?reviewed by /m.test(head);
	return {
		file,
		language,
		name: LOCALE_NAMES[language as AppLocale] ?? language,
		status: reviewed ? 'reviewed' : 'draft'
	};
}

/** Translations in the order of LOCALES (pl, ur, ar), any other code after them. */
function byLanguage(a: string, b: string): number {
	const rank = (file: string) => {
		const at = (LOCALES as readonly string[]).indexOf(translationOf(file)?.language ?? '');
		return at < 0 ? LOCALES.length : at;
	};
	return rank(a) - rank(b) || byNumber(a, b);
}

const nameOf = (name: string) => name.replace(/\.md$/, '').replace(/^\d+-/, '');
const folderName = (file: string) => nameOf(file.split('/').at(-2) ?? file);

/** Paths in the order their numbers give: "2-b" before "10-a", as content:check sorts. */
function byNumber(a: string, b: string): number {
	return a.localeCompare(b, 'en', { numeric: true });
}
