/** A lesson's file and its first text: frontmatter that passes the checks, a body to replace. */
export interface NewLesson {
	file: string;
	text: string;
}

/**
 * A new lesson at the end of a module folder ("01-de/02-safe"), numbered after its last
 * lesson, named and given an id from its title; the id is made unique against `texts`
 * (every content file's text), as content:check requires.
 */
export function newLesson(
	texts: ReadonlyMap<string, string>,
	moduleDir: string,
	title: string
): NewLesson {
	const slug = slugOf(title) || 'lesson';
	const numbers = [...texts.keys()]
		.filter((file) => file.startsWith(`${moduleDir}/`) && file.split('/').length === 3)
		.map((file) => Number(/^(\d+)-/.exec(file.split('/')[2] ?? '')?.[1] ?? 0));
	const next = Math.max(0, ...numbers) + 1;
	const id = uniqueId(texts, slug);
	const text = [
		'---',
		`id: ${id}`,
		`title: ${JSON.stringify(title.trim())}`,
		'summary: Say in one sentence what the learner will be able to do.',
		'minutes: 5',
		'outcomes:',
		'  - Something the learner can do after this lesson',
		'---',
		'',
		'Write the lesson here.',
		''
	].join('\n');
	return { file: `${moduleDir}/${String(next).padStart(2, '0')}-${slug}.md`, text };
}

/** `slug`, or `slug-2`, `slug-3`…: the first that no content file's `id:` uses. */
export function uniqueId(texts: ReadonlyMap<string, string>, slug: string): string {
	const ids = new Set([...texts.values()].map((text) => /^id:[ \t]*(\S+)/m.exec(text)?.[1]));
	let id = slug;
	for (let n = 2; ids.has(id); n++) id = `${slug}-${n}`;
	return id;
}

/** "Your data, abroad!" → "your-data-abroad": the letters and numbers a path and an id may use. */
export function slugOf(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}
