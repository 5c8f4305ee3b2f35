import { parse } from 'yaml';
import { pathwayCoverage, type PathwayCoverage } from '$lib/skills/coverage';
import { contentTree } from './content-tree';

/** A lesson as the editor holds it: its file, and the codes its frontmatter names. */
export interface EditorLesson {
	id: string;
	title: string;
	file: string;
	skills: string[];
}

/**
 * The Essential Digital Skills coverage of the pathway whose `pathway.md` is `pathwayFile`,
 * from the lessons as the editor has them (saved drafts included), so an editor sees a code
 * they add count before publishing. The same report as `npm run content:coverage`, which
 * reads the compiled content; a lesson whose frontmatter cannot be read counts as untagged
 * (its own page shows why).
 */
export function coverageOfFiles(
	files: ReadonlyMap<string, string>,
	pathwayFile: string
): PathwayCoverage<EditorLesson> | undefined {
	const pathway = contentTree(files).find((item) => item.file === pathwayFile);
	if (!pathway) return undefined;
	return pathwayCoverage({
		id: pathwayFile.split('/')[0] ?? pathwayFile,
		title: pathway.title,
		modules: pathway.children.map((module) => ({
			lessons: module.children.map((lesson) => {
				const meta = frontmatter(files.get(lesson.file) ?? '');
				return {
					id: typeof meta.id === 'string' ? meta.id : lesson.file,
					title: lesson.title,
					file: lesson.file,
					skills: Array.isArray(meta.skills)
						? meta.skills.filter((code): code is string => typeof code === 'string')
						: []
				};
			})
		}))
	});
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function frontmatter(text: string): Record<string, unknown> {
	const head = FRONTMATTER.exec(text)?.[1];
	if (head === undefined) return {};
	try {
		const value: unknown = parse(head);
		return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
