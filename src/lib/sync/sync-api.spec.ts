import { describe, expect, it } from 'vitest';
import {
	RetryLater,
	TooManyRequests,
	retryAfterMs,
	syncApi,
	tryAgainIn,
	type Session
} from './sync-api';

const session: Session = { token: 't', userId: 'u', email: 'e@example.org', name: 'E' };

/** A transport that answers every call with one fixed response. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
	return syncApi('', async () => new Response(JSON.stringify(body), { status, headers }));
}

describe('syncApi on a rate limit (429)', () => {
	it('throws TooManyRequests carrying the Retry-After the server asked for', async () => {
		const api = answering(
			429,
			{ code: 429, message: 'Too many sync requests. Try again in 1 minute.' },
			{ 'Retry-After': '42' }
		);
		const error = await api.push(session, []).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TooManyRequests);
		// Still a RetryLater: everything that retries transient trouble retries this too.
		expect(error).toBeInstanceOf(RetryLater);
		expect((error as TooManyRequests).retryAfterMs).toBe(42_000);
		expect((error as Error).message).toBe('Too many sync requests. Try again in 1 minute.');
	});

	it('a refused sign-in says "wait", not "wrong password"', async () => {
		const api = answering(429, { message: 'Too many' }, { 'Retry-After': '900' });
		const error = await api.signIn('e@example.org', 'pw').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TooManyRequests);
		expect(tryAgainIn((error as TooManyRequests).retryAfterMs)).toBe('Try again in 15 minutes.');
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

describe('syncApi on a refused sign-up', () => {
	it("shows the server's password problems in words for the form", async () => {
		const tooShort = answering(400, {
			message: 'Failed to create record.',
			data: {
				password: {
					code: 'validation_length_out_of_range',
					message: 'The length must be between 10 and 72.'
				}
			}
		});
		await expect(tooShort.signUp('e@example.org', 'short', 'E')).rejects.toThrow(
			'Choose a password of at least 10 characters.'
		);
		const common = answering(400, {
			message: 'Choose a different password.',
			data: {
				password: {
					code: 'validation_password_blocked',
					message: 'This password is one of the most common ones.'
				}
			}
		});
		await expect(common.signUp('e@example.org', 'qwertyuiop', 'E')).rejects.toThrow(
			/^This password is one of the most common ones\.$/
		);
		const email = answering(400, {
			message: 'Failed to create record.',
			data: { email: { code: 'validation_invalid_email', message: 'Must be a valid email.' } }
		});
		await expect(email.signUp('nope', 'long-enough-pass', 'E')).rejects.toThrow(
			'Email address: Must be a valid email.'
		);
	});
});
