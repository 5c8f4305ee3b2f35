import { slugOf, uniqueId, type NewLesson } from './new-lesson';

/**
 * A new module at the end of a pathway folder ("01-de"): its folder numbered after the
 * pathway's last module, and a module.md whose frontmatter passes the checks. It publishes
 * once it holds a lesson ("New lesson in this module").
 */
export function newModule(
	texts: ReadonlyMap<string, string>,
	pathwayDir: string,
	title: string
): NewLesson {
	const slug = slugOf(title) || 'module';
	const numbers = [...texts.keys()]
		.filter((file) => file.startsWith(`${pathwayDir}/`) && file.split('/').length === 3)
		.map((file) => Number(/^(\d+)-/.exec(file.split('/')[1] ?? '')?.[1] ?? 0));
	const next = Math.max(0, ...numbers) + 1;
	const text = [
		'---',
		`id: ${uniqueId(texts, slug)}`,
		`title: ${JSON.stringify(title.trim())}`,
		'summary: Say in one sentence what this module is about.',
		'---',
		''
	].join('\n');
	return { file: `${pathwayDir}/${String(next).padStart(2, '0')}-${slug}/module.md`, text };
}
