import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';
import type { ProgressEvent } from './event-types';
import {
	COMMON_FIELDS,
	DETAIL_FIELDS,
	isoDate,
	storedEvent,
	wireEvent,
	type EventRecord
} from './wire-event';

/** The server's codec, loaded as PocketBase loads it. */
const server = requireHook(`${HOOKS}/lib/events.js`) as {
	COMMON_FIELDS: string[];
	DETAIL_FIELDS: Record<string, string[]>;
	problemWith(event: unknown): string;
	detail(event: ProgressEvent): Record<string, unknown>;
	toWire(record: { getString(field: string): string }): ProgressEvent;
	toTutor(row: Record<string, unknown>): Record<string, unknown>;
	isoDate(value: string): string;
};

const base = {
	lesson: 'de-strong-passwords',
	module: 'de-staying-safe',
	pathway: 'digital-essentials',
	at: '2026-01-31T09:30:00.000Z'
};
/** One event of each type, with the id the app gives it. */
const EVENTS: ProgressEvent[] = [
	{ ...base, id: '0190a0b0-0000-7000-8000-000000000001', type: 'lesson_opened' },
	{ ...base, id: '0190a0b0-0000-7000-8000-000000000002', type: 'lesson_completed' },
	{
		...base,
		id: '0190a0b0-0000-7000-8000-000000000003',
		type: 'quiz_answered',
		question: 2,
		correct: false
	},
	{
		...base,
		id: '0190a0b0-0000-7000-8000-000000000004',
		type: 'quiz_completed',
		correct: 3,
		total: 4,
		passed: true
	}
];

/** How PocketBase stores `event` for `user`: what the push route writes. */
function recordOf(event: ProgressEvent, seq: number): EventRecord {
	return {
		op_id: event.id,
		user: 'u1',
		type: event.type,
		lesson: event.lesson,
		module: event.module,
		pathway: event.pathway,
		at: event.at,
		data: server.detail(event),
		seq,
		created: '2026-01-31 09:31:02.125Z'
	};
}

describe('the wire shape of a progress event', () => {
	it('sends only the fields of its type', () => {
		// As a later version of the app might store them: more than the route accepts.
		const stored = { ...EVENTS[3], device: 'phone' } as unknown as ProgressEvent;
		expect(wireEvent(stored)).toEqual(EVENTS[3]);
		const opened = { ...EVENTS[0], correct: 1 } as unknown as ProgressEvent;
		expect(wireEvent(opened)).toEqual(EVENTS[0]);
	});

	it('reads a stored record back as the event, with whose it is and when it arrived (ISO)', () => {
		expect(storedEvent(recordOf(EVENTS[3] as ProgressEvent, 7))).toEqual({
			...EVENTS[3],
			user: 'u1',
			seq: 7,
			received: '2026-01-31T09:31:02.125Z'
		});
	});

	it('writes PocketBase dates as ISO 8601, and leaves ISO as it is', () => {
		expect(isoDate('2026-01-31 09:30:00.000Z')).toBe('2026-01-31T09:30:00.000Z');
		expect(isoDate('2026-01-31T09:30:00.000Z')).toBe('2026-01-31T09:30:00.000Z');
		expect(Date.parse(isoDate('2026-01-31 09:30:00.000Z'))).toBe(Date.UTC(2026, 0, 31, 9, 30));
	});
});

describe('the app and the server (pb_hooks/lib/events.js) agree on it', () => {
	it('name the same fields', () => {
		expect(server.COMMON_FIELDS).toEqual([...COMMON_FIELDS]);
		expect(server.DETAIL_FIELDS).toEqual(DETAIL_FIELDS);
	});

	it.each(EVENTS)(
		'a $type the app sends is valid, and comes back from a pull unchanged',
		(event) => {
			const sent = wireEvent(event);
			expect(server.problemWith(sent)).toBe('');
			const record = recordOf(sent, 1);
			const columns: Record<string, string> = {
				...record,
				seq: String(record.seq),
				data: JSON.stringify(record.data)
			};
			expect(server.toWire({ getString: (field) => columns[field] ?? '' })).toEqual(sent);
		}
	);

	it.each(EVENTS.filter((e) => e.type !== 'quiz_answered'))(
		'a $type reaches a tutor the same way from the dashboard read and from realtime',
		(event) => {
			const record = recordOf(event, 5);
			const { pathway: _pathway, ...live } = storedEvent(record);
			const row = { ...record, received: record.created, data: JSON.stringify(record.data) };
			expect(server.toTutor(row)).toEqual(live);
		}
	);

	it('normalise dates alike', () => {
		expect(server.isoDate('2026-01-31 09:30:00.000Z')).toBe(isoDate('2026-01-31 09:30:00.000Z'));
	});
});
