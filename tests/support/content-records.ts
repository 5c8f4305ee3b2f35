import type PocketBase from 'pocketbase';

/**
 * Creates lesson records (with their pathway and module) straight through the admin API, for
 * tests that need lessons to exist without publishing a content set (which would unpublish
 * other tests' content). Unpublished unless asked: a cohort needs a published pathway.
 */
export async function createLessons(
	admin: PocketBase,
	prefix: string,
	count: number,
	{ published = false } = {}
): Promise<string[]> {
	const common = {
		summary: 'Test.',
		outcomes: [],
		published,
		hash: 'x',
		version: 1,
		seq: 1,
		position: 1
	};
	const pathway = await admin.collection('pathways').create({
		...common,
		content_id: `${prefix}-p`,
		slug: `${prefix}-p`,
		title: 'P',
		level: 'beginner'
	});
	const module = await admin.collection('modules').create({
		...common,
		content_id: `${prefix}-m`,
		slug: `${prefix}-m`,
		title: 'M',
		pathway: pathway.id
	});
	const ids: string[] = [];
	for (let i = 1; i <= count; i++) {
		const id = `${prefix}-l${i}`;
		await admin.collection('lessons').create({
			...common,
			content_id: id,
			slug: id,
			title: `Lesson ${i}`,
			pathway: pathway.id,
			module: module.id,
			minutes: 5,
			level: 'beginner'
		});
		ids.push(id);
	}
	return ids;
}
