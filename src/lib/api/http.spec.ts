import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import {
	ApiError,
	caller,
	Offline,
	Rejected,
	RetryLater,
	retryAfterMs,
	ServerFull,
	SignInNeeded,
	TooManyRequests
} from './http';
import { tryAgainIn } from './try-again-in';

beforeAll(() => i18n.use('en'));

/** A transport that answers every call with one fixed response, and notes what it was asked. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
	const asked: { url: string; init: RequestInit }[] = [];
	const call = caller('http://server', async (url, init) => {
		asked.push({ url: String(url), init: init ?? {} });
		return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
			status,
			headers
		});
	});
	return { call, asked };
}

const failure = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);

describe('call()', () => {
	it('sends JSON with the token, and encodes the query itself', async () => {
		const { call, asked } = answering(200, { ok: true });
		expect(
			await call('/api/x', { method: 'POST', token: 't', query: { ids: 'a,b c' }, body: { n: 1 } })
		).toEqual({ ok: true });
		expect(asked[0]?.url).toBe('http://server/api/x?ids=a%2Cb+c');
		expect(asked[0]?.init).toMatchObject({
			method: 'POST',
			body: '{"n":1}',
			headers: { Authorization: 't', 'Content-Type': 'application/json' }
		});
	});

	it('turns every failure into one of the family, each an ApiError', async () => {
		const cases: [number, unknown, new (...args: never[]) => ApiError][] = [
			[500, { message: 'Something went wrong' }, RetryLater],
			[408, {}, RetryLater],
			[507, { message: 'The server is out of disk space.' }, ServerFull],
			[401, { message: 'The request requires valid record authorization token.' }, SignInNeeded],
			[403, { message: 'Only learners join cohorts.' }, SignInNeeded],
			[404, { message: 'No cohort has this code.' }, Rejected],
			[200, '{"cut off', Offline]
		];
		for (const [status, body, kind] of cases) {
			const error = await failure(answering(status, body).call('/api/x'));
			expect(error, `${status}`).toBeInstanceOf(kind);
			expect(error, `${status}`).toBeInstanceOf(ApiError);
		}
		const offline = caller('', async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await failure(offline('/api/x'))).toMatchObject({
			name: 'Offline',
			message: 'no connection (Failed to fetch)'
		});
	});

	it("keeps the server's words where they mean something", async () => {
		const full = await failure(
			answering(507, { message: 'The server is out of disk space.' }).call('/')
		);
		expect((full as Error).message).toBe('The server is out of disk space.');
		expect(full).toBeInstanceOf(RetryLater);
		const generic = await failure(answering(503, { message: 'Something went wrong.' }).call('/'));
		expect((generic as Error).message).toBe('the server answered 503');
	});

	it('names the refused events of a push, and the refused fields of a form', async () => {
		const invalid = [{ index: 1, id: 'e2', reason: 'no lesson "x"' }];
		const push = await failure(
			answering(400, { message: '1 event(s) are invalid', data: { invalid } }).call('/')
		);
		expect(push).toMatchObject({ status: 400, invalid, fields: {} });
		const form = await failure(
			answering(400, {
				message: 'Failed to create record.',
				data: { email: { code: 'validation_invalid_email', message: 'Must be a valid email.' } }
			}).call('/')
		);
		expect(form).toMatchObject({
			invalid: [],
			fields: { email: { code: 'validation_invalid_email' } }
		});
	});
});

describe('call() on a rate limit (429)', () => {
	it('throws TooManyRequests carrying the Retry-After the server asked for', async () => {
		const { call } = answering(
			429,
			{ code: 429, message: 'Too many sync requests. Try again in 1 minute.' },
			{ 'Retry-After': '42' }
		);
		const error = await failure(call('/api/clyde/sync/push', { method: 'POST', body: {} }));
		expect(error).toBeInstanceOf(TooManyRequests);
		// Still a RetryLater: everything that retries transient trouble retries this too.
		expect(error).toBeInstanceOf(RetryLater);
		expect((error as TooManyRequests).retryAfterMs).toBe(42_000);
		expect((error as Error).message).toBe('Too many sync requests. Try again in 1 minute.');
	});

	it('reads Retry-After as seconds or as an HTTP date, and waits a minute without one', () => {
		const now = Date.parse('2026-01-01T10:00:00Z');
		expect(retryAfterMs('120', now)).toBe(120_000);
		expect(retryAfterMs('Thu, 01 Jan 2026 10:05:00 GMT', now)).toBe(300_000);
		expect(retryAfterMs(null, now)).toBe(60_000);
		expect(retryAfterMs('soon', now)).toBe(60_000);
	});

	it('words a wait in whole minutes, never "0 minutes"', () => {
		expect(tryAgainIn(1_000)).toBe('Try again in 1 minute.');
		expect(tryAgainIn(61_000)).toBe('Try again in 2 minutes.');
	});
});
