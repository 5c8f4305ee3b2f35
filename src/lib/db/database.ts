import Dexie, { type EntityTable } from 'dexie';
import type { IssuerDocument, StoredBadge } from '$lib/badges/types';
import type { CatalogPathway, StoredLesson, StoredMedia } from '$lib/content/catalog-types';
import type { ExerciseDraft } from '$lib/exercises/drafts';
import type { CodeShare } from '$lib/exercises/share-code';
import type { ProgressEvent } from '$lib/progress/event-types';
import { exercisesByLesson } from '$lib/progress/catalog-exercises';
import { summarise, type LessonSummary } from '$lib/progress/lesson-summary';

/** A pathway the learner chose to download; kept until they remove it. */
export interface DownloadRecord {
	pathway: string;
	requestedAt: string;
	/** When every lesson it then had was stored; lessons missing after that are new since. */
	finishedAt?: string;
}

/** An event waiting to reach the server. Deleted only when the server confirms it. */
export interface OutboxRow {
	id: string;
	queuedAt: string;
}

/** An event the server refused, kept and shown as "could not sync"; never dropped. */
export interface RejectedRow {
	id: string;
	reason: string;
	rejectedAt: string;
}

export interface SettingRow {
	key: string;
	value: unknown;
}

export type ClydeDatabase = Dexie & {
	catalog: EntityTable<CatalogPathway, 'id'>;
	lessons: EntityTable<StoredLesson, 'id'>;
	media: Dexie.Table<StoredMedia, [string, string]>;
	downloads: EntityTable<DownloadRecord, 'pathway'>;
	events: EntityTable<ProgressEvent, 'id'>;
	/** Each lesson's events folded into one row, for the screens (lesson-summary.ts). */
	summaries: EntityTable<LessonSummary, 'lesson'>;
	outbox: EntityTable<OutboxRow, 'id'>;
	rejected: EntityTable<RejectedRow, 'id'>;
	settings: EntityTable<SettingRow, 'key'>;
	/** The badges issued to whoever signed in here, so they show and print offline. */
	badges: EntityTable<StoredBadge & { user: string }, 'id'>;
	/** Badge issuers' public keys, so /verify works offline once fetched. */
	issuers: EntityTable<IssuerDocument, 'id'>;
	/** Learners' code for exercises, as they left it: on this phone only. */
	drafts: EntityTable<ExerciseDraft, 'key'>;
	/** Code the learner chose to send to their tutor, until the server has it (push-shares.ts). */
	shares: EntityTable<CodeShare, 'id'>;
};

/**
 * The learner's IndexedDB: the catalog (so the home screen works offline), downloaded
 * lessons and their pictures, append-only progress events and their outbox, a summary of each
 * lesson's events, and settings.
 */
export function openDatabase(name = 'clyde'): ClydeDatabase {
	const db = new Dexie(name) as ClydeDatabase;
	db.version(1).stores({
		catalog: 'id, position',
		// [id+hash] lets screens read which lessons are stored, and which version, without
		// loading their HTML.
		lessons: 'id, pathway, module, [id+hash]',
		downloads: 'pathway',
		events: 'id, lesson, pathway, at, type',
		outbox: 'id',
		settings: 'key'
	});
	db.version(2).stores({ rejected: 'id' });
	// Screens read these instead of every event. Built once here from the events a phone
	// already holds; from then on written with each event (record-event.ts, merge-events.ts).
	db.version(3)
		.stores({ summaries: 'lesson, pathway' })
		.upgrade(async (tx) => {
			const events = await tx.table<ProgressEvent>('events').toArray();
			await tx.table<LessonSummary>('summaries').bulkPut([...summarise(events).values()]);
		});
	// A picture is kept per pathway, so removing one pathway's download frees its pictures
	// alone; the same picture in two pathways is kept twice, which is rare and small.
	db.version(4).stores({ media: '[pathway+hash], pathway, hash' });
	// Badges the learner claimed, and the issuers' public keys, so both work offline.
	db.version(5).stores({ badges: 'id, [user+pathway]', issuers: 'id' });
	db.version(6).stores({ drafts: 'key, lesson' });
	// "Done" came to include a lesson's exercises (issue #16): every summary again, by the rule
	// with the exercises the stored catalog names.
	db.version(7)
		.stores({})
		.upgrade(async (tx) => {
			const events = await tx.table<ProgressEvent>('events').toArray();
			const exercises = exercisesByLesson(await tx.table<CatalogPathway>('catalog').toArray());
			const summaries = summarise(events, (lesson) => exercises.get(lesson));
			await tx.table<LessonSummary>('summaries').bulkPut([...summaries.values()]);
		});
	db.version(8).stores({ shares: 'id, at' });
	return db;
}
