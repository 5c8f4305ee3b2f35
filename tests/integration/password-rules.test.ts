import PocketBase, { ClientResponseError } from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../src/lib/api/auth';
import { learnerApi } from '../../src/lib/api/learner-api';

const url = inject('pbUrl');

const newEmail = () => `pw-${Math.random().toString(36).slice(2)}@example.org`;

/** What the server said about one field of a refused create or update. */
async function fieldError(request: Promise<unknown>, field: string) {
	const error = await request.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ClientResponseError);
	expect((error as ClientResponseError).status).toBe(400);
	return (error as ClientResponseError).response.data?.[field] as { code: string; message: string };
}

describe('password rules (NIST 800-63B: length and a deny-list)', () => {
	let admin: PocketBase;
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
	});

	it(`weak passwords: sign-up refuses fewer than ${MIN_PASSWORD_LENGTH} characters, and the app says so in words`, async () => {
		// One character short, and not on any list: only its length is wrong.
		const short = 'tangerine-kite-harbour'.slice(0, MIN_PASSWORD_LENGTH - 1);
		const pb = new PocketBase(url);
		const error = await fieldError(
			pb.collection('users').create({ email: newEmail(), password: short, passwordConfirm: short }),
			'password'
		);
		expect(error.code).toBe('validation_length_out_of_range');
		await expect(learnerApi(url).auth.signUp(newEmail(), short, 'Sam')).rejects.toThrow(
			`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`
		);
		const users = await admin.collections.getOne('users');
		expect(users.options.minPasswordLength).toBe(MIN_PASSWORD_LENGTH);
	});

	it('common passwords: sign-up refuses one from the breach deny-list, and the app says why', async () => {
		const pb = new PocketBase(url);
		const password = 'Password1234';
		const error = await fieldError(
			pb.collection('users').create({ email: newEmail(), password, passwordConfirm: password }),
			'password'
		);
		expect(error.code).toBe('validation_password_blocked');
		await expect(learnerApi(url).auth.signUp(newEmail(), 'qwertyuiop', 'Sam')).rejects.toThrow(
			/^This password is one of the most common ones/
		);
	});

	it('common passwords: a password change to one is refused too', async () => {
		const password = 'a-sound-passphrase';
		const user = await admin
			.collection('users')
			.create({ email: newEmail(), password, passwordConfirm: password });
		const error = await fieldError(
			admin
				.collection('users')
				.update(user.id, { password: 'qwerty123456', passwordConfirm: 'qwerty123456' }),
			'password'
		);
		expect(error.code).toBe('validation_password_blocked');
	});
});
