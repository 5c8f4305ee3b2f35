import type { CatalogPathway, MediaItem, StoredLesson } from '../../src/lib/content/catalog-types';

/** A pathway of `modules` modules with `perModule` lessons each, 1000 bytes a lesson. */
export function makePathway(id = 'p', modules = 2, perModule = 3): CatalogPathway {
	return {
		id,
		slug: id,
		position: 1,
		title: `Pathway ${id}`,
		summary: 'A pathway.',
		level: 'beginner',
		outcomes: ['Learn'],
		introHtml: '',
		modules: Array.from({ length: modules }, (_, m) => ({
			id: `${id}-m${m + 1}`,
			slug: `m${m + 1}`,
			position: m + 1,
			title: `Module ${m + 1}`,
			summary: 'A module.',
			lessons: Array.from({ length: perModule }, (_, l) => ({
				id: `${id}-m${m + 1}-l${l + 1}`,
				slug: `l${l + 1}`,
				position: l + 1,
				title: `Lesson ${m + 1}.${l + 1}`,
				summary: 'A lesson.',
				minutes: 5,
				hash: 'h1',
				version: 1,
				bytes: 1000
			}))
		}))
	};
}

export function storedLesson(pathway: CatalogPathway, id: string, hash = 'h1'): StoredLesson {
	const module = pathway.modules.find((m) => m.lessons.some((l) => l.id === id));
	const lesson = module?.lessons.find((l) => l.id === id);
	if (!module || !lesson) throw new Error(`no lesson ${id}`);
	// A stored lesson carries its whole exercises, the catalog only their ids.
	const { exercises: _ids, ...rest } = lesson;
	return {
		...rest,
		hash,
		pathway: pathway.id,
		module: module.id,
		html: `<p>${lesson.title}</p>`,
		quiz: null
	};
}

/**
 * The pathway with pictures: each lesson places one of its own (500 bytes) and, first in each
 * module, one picture every module shares (300 bytes), so a pathway lists it once.
 */
export function withPictures(pathway: CatalogPathway): CatalogPathway {
	const copy = structuredClone(pathway);
	for (const module of copy.modules) {
		module.lessons.forEach((lesson, i) => {
			lesson.media = [
				...(i === 0 ? [{ hash: 'shared', type: 'svg' as const, bytes: 300 }] : []),
				{ hash: `${lesson.id}-pic`, type: 'svg' as const, bytes: 500 }
			];
		});
	}
	return copy;
}

/** The pathway with two exercises on every other lesson (the first of each module has them). */
export function withExercises(pathway: CatalogPathway): CatalogPathway {
	const copy = structuredClone(pathway);
	for (const module of copy.modules) {
		module.lessons.forEach((lesson, i) => {
			if (i % 2 === 0) lesson.exercises = [`${lesson.id}-a`, `${lesson.id}-b`];
		});
	}
	return copy;
}

/** A picture as the server sends it. */
export function mediaItem(hash: string): MediaItem {
	return { hash, type: 'svg', data: `<svg viewBox="0 0 1 1"><title>${hash}</title></svg>` };
}
