import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import { describe, expect, inject, it } from 'vitest';

const url = inject('pbUrl');

/** One sign-up through the public record API, as the app makes it (plus any extra fields). */
async function signUp(email: string, extra: Record<string, string> = {}) {
	const password = `sign-up-${randomUUID()}`;
	const response = await fetch(`${url}/api/collections/users/records`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ email, password, passwordConfirm: password, ...extra })
	});
	return { status: response.status, body: await response.text() };
}

/** `count` sign-ups sent at once; the answers that were not 200. */
async function signUpAtOnce(count: number, extra: Record<string, string> = {}) {
	const run = randomUUID().slice(0, 8);
	const answers = await Promise.all(
		Array.from({ length: count }, (_, i) => signUp(`at-once-${run}-${i}@example.org`, extra))
	);
	return {
		run,
		failures: answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body}`)
	};
}

describe('sign-ups at the same moment (a class signing up together)', () => {
	it('all succeed, each with a username of its own', async () => {
		const { run, failures } = await signUpAtOnce(10);
		expect(failures).toEqual([]);
		const admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const users = await admin
			.collection('users')
			.getFullList({ filter: admin.filter('email ~ {:run}', { run }) });
		expect(users.map((u) => u.username)).toEqual(users.map((u) => `u${u.id}`));
		expect(new Set(users.map((u) => u.username)).size).toBe(10);
	}, 120_000);

	// PocketBase checks that a username is free, hashes the password (most of a sign-up's
	// time), then saves: two sign-ups given the same username in between both pass the check
	// and the second fails to save. Its random usernames drew from 59,049, so that happened
	// about once in 450 concurrent sign-ups; asking for one name forces it every time.
	it('succeed even when they ask for the same username: the server assigns usernames', async () => {
		const { failures } = await signUpAtOnce(8, { username: 'same-for-everyone' });
		expect(failures).toEqual([]);
	}, 120_000);
});
