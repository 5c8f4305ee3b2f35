import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { authApi, tokenExpiry } from './auth';
import { caller, TooManyRequests } from './http';
import { tryAgainIn } from './try-again-in';

beforeAll(() => i18n.use('en'));

/** The auth calls over a transport that answers every call with one fixed response. */
function answering(status: number, body: unknown, headers: Record<string, string> = {}) {
	return authApi(caller('', async () => new Response(JSON.stringify(body), { status, headers })));
}

describe('signing in', () => {
	it('a refused sign-in says "wait", not "wrong password"', async () => {
		const api = answering(429, { message: 'Too many' }, { 'Retry-After': '900' });
		const error = await api.signIn('e@example.org', 'pw').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TooManyRequests);
		expect(tryAgainIn((error as TooManyRequests).retryAfterMs)).toBe('Try again in 15 minutes.');
	});

	it('a wrong password is named as such', async () => {
		const api = answering(400, { message: 'Failed to authenticate.' });
		await expect(api.signIn('e@example.org', 'pw')).rejects.toMatchObject({
			name: 'SignInNeeded',
			message: 'The email or password is not right.'
		});
	});

	it("reads a token's expiry from its own claim, and nothing from a token without one", () => {
		const payload = btoa(JSON.stringify({ exp: 1_800_000_000 }));
		expect(tokenExpiry(`x.${payload}.y`)).toEqual(new Date(1_800_000_000_000));
		expect(tokenExpiry('x.e30.y')).toBeUndefined();
		expect(tokenExpiry('not a token')).toBeUndefined();
	});
});

describe('a refused sign-up', () => {
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
