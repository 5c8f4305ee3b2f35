import type { ProgressEvent, ProgressEventType } from './event-types';

/**
 * The wire shape of a progress event, once for the app: the common fields and, per type, the
 * detail fields, no more. Pushes send it, pulls and the tutor's reads receive it, and the server
 * mirrors it in pb_hooks/lib/events.js (wire-event.spec.ts checks that the two agree).
 */
export const COMMON_FIELDS = ['id', 'type', 'lesson', 'module', 'pathway', 'at'] as const;
export const DETAIL_FIELDS = {
	lesson_opened: [],
	lesson_completed: [],
	quiz_answered: ['question', 'correct'],
	quiz_completed: ['correct', 'total', 'passed'],
	exercise_checked: ['exercise', 'passed', 'failed']
} as const satisfies Record<ProgressEventType, readonly string[]>;

/** A progress event as PocketBase stores it (pb_migrations/1764230600_progress_events.js). */
export interface EventRecord {
	op_id: string;
	user: string;
	type: string;
	lesson: string;
	module: string;
	pathway: string;
	at: string;
	/** The detail fields, as JSON. */
	data?: unknown;
	seq: number;
	/** When the server stored it, as PocketBase writes dates. */
	created: string;
}

/** An event the server holds: whose it is, its place in the server's order, when it arrived. */
export type StoredEvent = ProgressEvent & {
	user: string;
	seq: number;
	/** ISO 8601, like `at`. */
	received: string;
};

/** Only the fields the push route accepts (a stored event may carry more in future). */
export function wireEvent(event: ProgressEvent): ProgressEvent {
	return pick(event, [...COMMON_FIELDS, ...DETAIL_FIELDS[event.type]]) as ProgressEvent;
}

/** An event from its stored record, as the realtime stream sends it. */
export function storedEvent(record: EventRecord): StoredEvent {
	const type = record.type as ProgressEventType;
	const data = record.data && typeof record.data === 'object' ? record.data : {};
	return {
		...pick(data, DETAIL_FIELDS[type] ?? []),
		id: record.op_id,
		type,
		lesson: record.lesson,
		module: record.module,
		pathway: record.pathway,
		at: record.at,
		user: record.user,
		seq: Number(record.seq),
		received: isoDate(record.created)
	} as StoredEvent;
}

/**
 * PocketBase writes dates as "2026-01-31 09:30:00.000Z"; the app speaks ISO 8601, which
 * Date.parse reads everywhere and which compares as text with the events' own `at`.
 */
export function isoDate(value: string): string {
	return value.replace(' ', 'T');
}

function pick<T extends object>(source: T, fields: readonly string[]): Partial<T> {
	const picked: Partial<T> = {};
	for (const field of fields) {
		if (field in source) picked[field as keyof T] = source[field as keyof T];
	}
	return picked;
}
