import PocketBase from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Session } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';
import { seededRandom } from '../../src/lib/random/seeded-random';
import { createLessons } from '../support/content-records';

const url = inject('pbUrl');
const PUSH = `${url}/api/clyde/sync/push`;
const CASES = 3000;
const IN_FLIGHT = 8;
const MiB = 1 << 20;
const TYPES = [
	'lesson_opened',
	'lesson_completed',
	'quiz_answered',
	'quiz_completed',
	'exercise_checked'
];
const FIELDS = ['id', 'type', 'lesson', 'module', 'pathway', 'at'];

type Json = unknown;
type Event = Record<string, Json>;
interface Attempt {
	/** What was wrong with it, for the failure message. */
	kind: string;
	body?: string | Uint8Array<ArrayBuffer>;
	/** A Content-Type header; none for a Uint8Array body without one. */
	type?: string;
	/** The Authorization header; the learner's token when left out. */
	token?: string | null;
}

/**
 * Malformed pushes, made by a seeded PRNG so that a failure can be replayed. Each one is
 * wrong in at least one way the route must refuse. Not sent, because the route accepts them
 * (lenient, but nothing breaks): trailing bytes after the JSON value, a Content-Type that
 * merely starts with "application/json", multipart with PocketBase's @jsonPayload field, extra
 * top-level fields, a module or pathway that does not match the lesson, and an `at` in a
 * non-ISO format that Date.parse still reads.
 */
function fuzzer(seed: number, lessons: string[], tokens: { bad: string[]; foreignId: string }) {
	const random = seededRandom(seed);
	const int = (below: number) => Math.floor(random() * below);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
	const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
	const uuid = () => `${hex(8)}-${hex(4)}-7${hex(3)}-${pick([...'89ab'])}${hex(3)}-${hex(12)}`;
	const huge = () => 'a'.repeat(10_000 + int(600_000));
	const nested = (depth: number): Json =>
		depth === 0 ? 1 : random() < 0.5 ? [nested(depth - 1)] : { a: nested(depth - 1) };
	/** Any JSON value but a string (strings are chosen with care below). */
	const garbage = (depth = 2): Json =>
		pick<() => Json>([
			() => null,
			() => random() < 0.5,
			() => pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 4_294_967_296]),
			() => (depth ? Array.from({ length: int(4) }, () => garbage(depth - 1)) : []),
			() => (depth ? { [pick(['a', 'id', 'events', ''])]: garbage(depth - 1) } : {}),
			() => nested(20 + int(400))
		])();
	const badUuid = () =>
		pick([
			'',
			'not-a-uuid',
			uuid().toUpperCase().replace(/^./, 'A'),
			uuid().replace(/-/g, ''),
			`{${uuid()}}`,
			`${uuid()}\n`,
			` ${uuid()}`,
			`${uuid()}0`,
			uuid().replace(/.$/, 'g'),
			huge()
		]);
	const badContentId = () =>
		pick([
			'',
			'a'.repeat(61),
			'Upper',
			'with space',
			'trailing-',
			'-leading',
			'a--b',
			'ünï',
			'a\n',
			'a_b'
		]);
	const validEvent = (): Event => {
		const event: Event = {
			id: uuid(),
			type: pick(TYPES),
			lesson: pick(lessons),
			module: 'fuzz-m',
			pathway: 'fuzz-p',
			at: new Date(Date.UTC(2020, 0, 1) + int(1e11)).toISOString()
		};
		if (event.type === 'quiz_answered') Object.assign(event, { question: int(10), correct: true });
		if (event.type === 'quiz_completed')
			Object.assign(event, { total: 5, correct: 3, passed: true });
		if (event.type === 'exercise_checked')
			Object.assign(event, { exercise: 'first-heading', passed: false, failed: [0, 2] });
		return event;
	};
	/** Breaks one event; returns what was done, and the event (or what replaces it). */
	const breakEvent = (event: Event): [string, Json] => {
		const field = pick(FIELDS);
		const mutations: (() => [string, Json])[] = [
			() => {
				const { [field]: _missing, ...rest } = event;
				return [`${field} missing`, rest];
			},
			() => [`${field} not a string`, { ...event, [field]: garbage() }],
			() => [`${field} huge`, { ...event, [field]: huge() }],
			() => [`${field} nested`, { ...event, [field]: nested(5 + int(300)) }],
			() => ['bad uuid', { ...event, id: badUuid() }],
			() => [
				'unknown type',
				{ ...event, type: pick(['', 'lesson_deleted', 'LESSON_OPENED', 'quiz']) }
			],
			() => {
				const which = pick(['lesson', 'module', 'pathway']);
				return [`bad ${which}`, { ...event, [which]: badContentId() }];
			},
			() => ['no such lesson', { ...event, lesson: `no-such-${hex(6)}` }],
			() => ['bad at', { ...event, at: pick(['', 'not a date', 'yesterday', 'x'.repeat(31)]) }],
			() => {
				const question = pick<Json>([-1, 1001, 1.5, '1', null, true, 1e308, [], undefined]);
				return ['bad question', { ...event, type: 'quiz_answered', question, correct: true }];
			},
			() => {
				const correct = pick<Json>(['true', 1, null, [], undefined]);
				return ['bad correct', { ...event, type: 'quiz_answered', question: 1, correct }];
			},
			() => {
				const [total, correct, passed] = pick<Json[]>([
					[0, 0, true],
					[1001, 1, true],
					[2.5, 1, true],
					['3', 1, true],
					[3, 4, true],
					[3, -1, false],
					[3, 0.5, false],
					[3, 1, 'yes'],
					[3, 1, undefined]
				]);
				return ['bad quiz result', { ...event, type: 'quiz_completed', total, correct, passed }];
			},
			() => {
				// Never code: an exercise event carries which checks failed, and nothing else.
				const [exercise, passed, failed] = pick<Json[]>([
					['', false, [0]],
					['Bad Id', false, [0]],
					['ex', 'no', [0]],
					['ex', true, [1]],
					['ex', false, []],
					['ex', false, [-1]],
					['ex', false, [1.5]],
					['ex', false, ['0']],
					['ex', false, '<h1>my code</h1>'],
					['ex', false, Array.from({ length: 101 }, (_, i) => i)],
					[undefined, true, []]
				]);
				return [
					'bad exercise result',
					{ ...event, type: 'exercise_checked', exercise, passed, failed }
				];
			},
			() => [
				'exercise with code',
				{
					...event,
					type: 'exercise_checked',
					exercise: 'ex',
					passed: true,
					failed: [],
					files: { 'index.html': '<h1>mine</h1>' }
				}
			],
			() => {
				const key = pick([
					'user',
					'seq',
					'op_id',
					'created',
					'data',
					'ID',
					'__proto__',
					'constructor',
					''
				]);
				// Assignment to "__proto__" would set the prototype; this makes it a real key.
				Object.defineProperty(event, key, { value: garbage(), enumerable: true });
				return [`extra field "${key}"`, event];
			},
			() => ['event not an object', random() < 0.5 ? garbage() : pick(['x', '', uuid()])]
		];
		return pick(mutations)();
	};
	const json = (body: Json, kind: string): Attempt => ({
		kind,
		body: JSON.stringify(body),
		type: 'application/json'
	});
	const batch = (n: number) => Array.from({ length: n }, validEvent);

	return (): Attempt => {
		const roll = random();
		if (roll < 0.5) {
			const events = batch(1 + int(8));
			const at = int(events.length);
			const [what, broken] = breakEvent(events[at] as Event);
			events[at] = broken as Event;
			return json({ events }, `event ${at}: ${what}`);
		}
		if (roll < 0.62) {
			const events = batch(2 + int(20));
			return pick<() => Attempt>([
				() => {
					(events[1] as Event).id = (events[0] as Event).id;
					return json({ events }, 'the same id twice');
				},
				() => json({ events: batch(501 + int(100)) }, 'over 500 events'),
				() =>
					json(
						{ events: events.map((e) => ({ ...e, lesson: `nope-${hex(8)}` })) },
						'no such lessons'
					),
				() => json({ events: [] }, 'no events'),
				() =>
					json(
						{ events: [...events, { ...validEvent(), id: tokens.foreignId }] },
						"another learner's id"
					)
			])();
		}
		if (roll < 0.78) {
			const text = JSON.stringify({ events: batch(1 + int(3)) });
			return pick<() => Attempt>([
				() => json({ events: garbage() }, '"events" is garbage'),
				() => json({ [pick(['Events', 'event', 'data', ''])]: batch(1) }, '"events" missing'),
				() => json(garbage(), 'body is garbage'),
				() => json(batch(2), 'body an array of events'),
				() => ({
					kind: 'truncated JSON',
					body: text.slice(0, int(text.length)),
					type: 'application/json'
				}),
				() => ({ kind: 'byte-order mark', body: `\ufeff${text}`, type: 'application/json' }),
				() => ({ kind: 'empty body', body: pick(['', ' ', '\n']), type: 'application/json' }),
				() => ({ kind: 'no body', type: 'application/json' }),
				() => ({
					kind: 'not JSON',
					body: pick([
						`{'events': []}`,
						'<events/>',
						'events=1',
						'null',
						'"events"',
						text.replace(/"/g, '')
					]),
					type: 'application/json'
				}),
				() => ({
					kind: 'random bytes',
					body: Uint8Array.from({ length: 1 + int(5000) }, () => int(256)),
					type: 'application/json'
				})
			])();
		}
		if (roll < 0.9) {
			const events = batch(1 + int(3));
			const text = JSON.stringify({ events });
			return pick<() => Attempt>([
				() => ({
					kind: 'over 1 MiB',
					body: `{"events":[{"id":"${'x'.repeat(MiB)}"}]}`,
					type: 'application/json'
				}),
				() => ({
					kind: 'over 1 MiB of bytes',
					body: new Uint8Array(MiB + 1 + int(MiB)),
					type: 'application/json'
				}),
				() => ({ kind: 'text/plain', body: text, type: 'text/plain' }),
				() => ({ kind: 'XML type', body: text, type: 'application/xml' }),
				() => ({ kind: 'octet-stream', body: text, type: 'application/octet-stream' }),
				() => ({ kind: 'no content type', body: new TextEncoder().encode(text) }),
				() => ({
					kind: 'form',
					body: `events=${encodeURIComponent(JSON.stringify(events))}`,
					type: 'application/x-www-form-urlencoded'
				}),
				() => {
					const part = `--b\r\nContent-Disposition: form-data; name="events"\r\n\r\n${text}\r\n`;
					const twice = random() < 0.5;
					return {
						kind: twice ? 'multipart, twice' : 'multipart',
						body: `${part}${twice ? part : ''}--b--\r\n`,
						type: 'multipart/form-data; boundary=b'
					};
				}
			])();
		}
		// A well-formed push of real lessons, with no token or one the server must not accept.
		const token = random() < 0.3 ? null : pick(tokens.bad);
		return { ...json({ events: batch(1 + int(3)) }, `token ${token ? 'bad' : 'missing'}`), token };
	};
}

async function send(attempt: Attempt, token: string): Promise<number | string> {
	const headers: Record<string, string> = { Accept: 'application/json' };
	if (attempt.type) headers['Content-Type'] = attempt.type;
	const auth = attempt.token === undefined ? token : attempt.token;
	if (auth !== null) headers.Authorization = auth;
	try {
		const answer = await fetch(PUSH, { method: 'POST', headers, body: attempt.body });
		await answer.arrayBuffer();
		return answer.status;
	} catch (error) {
		return `no answer (${(error as Error).message})`;
	}
}

describe('the push route refuses malformed pushes', () => {
	const api = learnerApi(url);
	let admin: PocketBase;
	let learner: Session;
	let lessons: string[] = [];
	let foreignId = '';

	const count = async (filter = '') =>
		(await admin.collection('progress_events').getList(1, 1, { filter })).totalItems;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		lessons = await createLessons(admin, 'fuzz', 2);
		const signUp = async (name: string) => {
			const email = `fuzz-${name}-${Math.random().toString(36).slice(2)}@example.org`;
			await api.auth.signUp(email, 'fuzz-password-1', name);
			return api.auth.signIn(email, 'fuzz-password-1');
		};
		learner = await signUp('learner');
		// An event id another learner already stored: pushing it must be refused too.
		const other = await signUp('other');
		foreignId = crypto.randomUUID();
		await api.sync.push(other, [
			{
				id: foreignId,
				type: 'lesson_opened',
				lesson: lessons[0] as string,
				module: 'fuzz-m',
				pathway: 'fuzz-p',
				at: new Date().toISOString()
			}
		]);
	});

	it(`${CASES} malformed pushes are all answered 4xx and store nothing`, async () => {
		const before = await count();
		const [head, payload] = learner.token.split('.');
		const bad = [
			'',
			'garbage',
			'Bearer ',
			`${learner.token.slice(0, -6)}AAAAAA`,
			`${head}.${payload?.slice(0, -4)}AAAA.${learner.token.split('.')[2]}`,
			`${head}.e30.`,
			admin.authStore.token,
			'x'.repeat(10_000)
		];
		const next = fuzzer(2024, lessons, { bad, foreignId });
		const wrong: { case: number; kind: string; answer: number | string }[] = [];
		let made = 0;
		// A few requests in flight, as several phones would send: quick, but not a flood. Cases
		// are made as they are sent (some are megabytes), in the same order whatever the timing.
		await Promise.all(
			Array.from({ length: IN_FLIGHT }, async () => {
				while (made < CASES) {
					const number = made++;
					const attempt = next();
					const answer = await send(attempt, learner.token);
					if (typeof answer !== 'number' || answer < 400 || answer >= 500)
						wrong.push({ case: number, kind: attempt.kind, answer });
				}
			})
		);
		expect(made).toBe(CASES);
		expect(wrong.slice(0, 20)).toEqual([]);
		expect(await count()).toBe(before);
		expect(await count(admin.filter('user = {:id}', { id: learner.userId }))).toBe(0);
	}, 120_000);
});
