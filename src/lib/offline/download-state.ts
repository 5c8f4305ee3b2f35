import type { CatalogPathway } from '$lib/content/catalog-types';
import { lessonBytes, wantedHash } from '$lib/content/lesson-language';
import { i18n, t } from '$lib/i18n/i18n.svelte';

export type DownloadState =
	| { kind: 'none' }
	| { kind: 'downloading'; percent: number }
	| { kind: 'paused'; percent: number }
	| { kind: 'ready' }
	/**
	 * Lessons published since the download (`added`), changed since (`changed`), or stored
	 * and no longer in the pathway (`removed`: the update frees them, never their progress).
	 */
	| { kind: 'update'; added: number; changed: number; removed: number };

/** What the phone has stored of each lesson, by its id: which version, of which pathway. */
export type StoredLessons = ReadonlyMap<string, { hash: string; pathway: string }>;

/** What the phone remembers of a download the learner asked for (the `downloads` table). */
export interface DownloadMark {
	/** Set once every lesson of the pathway as it then was had been stored. */
	finishedAt?: string;
}

/**
 * Total size of a pathway's lessons in the learner's language (English where a lesson has no
 * translation), for "Save for offline (less than 1 MB)".
 */
export function pathwayBytes(pathway: CatalogPathway, locale = 'en'): number {
	return pathway.modules.reduce(
		(sum, m) => sum + m.lessons.reduce((s, l) => s + lessonBytes(l, locale), 0),
		0
	);
}

/**
 * Where a pathway's download stands, from what the learner asked for and what is stored.
 * A lesson missing from a download that once finished is new since (an update), not a sign
 * that the download stopped half way. A lesson kept in another language than the learner's
 * (who switched language) counts as changed, so the update fetches it in theirs. Pure: the
 * screens and the tests share it.
 */
export function downloadState(
	pathway: CatalogPathway,
	download: DownloadMark | undefined,
	stored: StoredLessons,
	activePercent?: number,
	locale = 'en'
): DownloadState {
	if (activePercent !== undefined) return { kind: 'downloading', percent: activePercent };
	if (!download) return { kind: 'none' };
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const missing = lessons.filter((l) => !stored.has(l.id));
	if (missing.length > 0 && !download.finishedAt) {
		const total = pathwayBytes(pathway, locale);
		const missingBytes = missing.reduce((sum, l) => sum + lessonBytes(l, locale), 0);
		return {
			kind: 'paused',
			percent: total ? Math.floor(((total - missingBytes) / total) * 100) : 0
		};
	}
	const changed = lessons.filter((l) => {
		const hash = stored.get(l.id)?.hash;
		return hash !== undefined && hash !== wantedHash(l, locale);
	}).length;
	const removed = removedLessons(pathway, stored).length;
	return changed + missing.length + removed > 0
		? { kind: 'update', added: missing.length, changed, removed }
		: { kind: 'ready' };
}

/** The ids of the lessons stored for the pathway that it no longer has (unpublished since). */
export function removedLessons(pathway: CatalogPathway, stored: StoredLessons): string[] {
	const current = new Set(pathway.modules.flatMap((m) => m.lessons.map((l) => l.id)));
	return [...stored]
		.filter(([id, lesson]) => lesson.pathway === pathway.id && !current.has(id))
		.map(([id]) => id);
}

const MB = 1024 * 1024;

/**
 * "less than 1 MB", "about 3 MB", "about 1,250 MB": sizes in whole megabytes, the unit phone
 * data plans and storage settings use, never a byte count.
 */
export function formatMegabytes(bytes: number): string {
	if (bytes < MB) return t('size_under_one_mb', { size: unit(1, 'megabyte') });
	return t('size_about', { size: unit(Math.round(bytes / MB), 'megabyte') });
}

/** "12 KB": for what is well under a megabyte, such as a lesson's pictures (at least 1 KB). */
export function formatKilobytes(bytes: number): string {
	return unit(Math.max(1, Math.round(bytes / 1024)), 'kilobyte');
}

/** "3 MB", "3 Mo", "٣ ميغابايت": the number and unit written the language's way. */
function unit(value: number, unit: 'megabyte' | 'kilobyte'): string {
	return new Intl.NumberFormat(i18n.tag, { style: 'unit', unit }).format(value);
}

/**
 * An update in words: "1 new lesson", "2 lessons changed", "1 new lesson, 2 changed",
 * "1 lesson removed", "1 new lesson, 1 lesson removed".
 */
export function describeUpdate(update: {
	added: number;
	changed: number;
	removed: number;
}): string {
	const parts: string[] = [];
	if (update.added > 0 || update.changed > 0) parts.push(describeAddedAndChanged(update));
	if (update.removed > 0) parts.push(t('update_removed', { count: update.removed }));
	return new Intl.ListFormat(i18n.tag, { type: 'unit' }).format(parts);
}

function describeAddedAndChanged(update: { added: number; changed: number }): string {
	const added = t('update_added', { count: update.added });
	if (update.changed === 0) return added;
	if (update.added === 0) return t('update_changed', { count: update.changed });
	return t('update_added_and_changed', { added, count: update.changed });
}
