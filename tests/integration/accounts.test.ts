import PocketBase, { ClientResponseError } from 'pocketbase';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../../scripts/seed/demo-accounts';

const url = inject('pbUrl');

async function asAdmin(): Promise<PocketBase> {
	const pb = new PocketBase(url);
	await pb.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
	return pb;
}

describe('demo accounts against a real PocketBase', () => {
	let admin: PocketBase;
	beforeAll(async () => {
		admin = await asAdmin();
	});

	it('are created once; a second run creates nothing and changes nothing', async () => {
		const first = await ensureDemoAccounts(admin);
		const before = await admin.collection('users').getFullList({ sort: 'email' });
		const second = await ensureDemoAccounts(admin);
		const after = await admin.collection('users').getFullList({ sort: 'email' });

		expect(first.created).toHaveLength(DEMO_ACCOUNTS.length);
		expect(second.created).toEqual([]);
		expect(second.existing).toHaveLength(DEMO_ACCOUNTS.length);
		expect(after.map((u) => [u.id, u.updated])).toEqual(before.map((u) => [u.id, u.updated]));
	});

	it.each(DEMO_ACCOUNTS)('$role can sign in and has role $role', async (account) => {
		await ensureDemoAccounts(admin);
		const pb = new PocketBase(url);
		const auth = await pb.collection('users').authWithPassword(account.email, account.password);
		expect(auth.record.role).toBe(account.role);
	});
});

describe('users collection rules', () => {
	const password = 'a-long-password';

	it('lets anyone sign up as a learner', async () => {
		const pb = new PocketBase(url);
		const email = `new-${Date.now()}@example.org`;
		await pb.collection('users').create({ email, password, passwordConfirm: password });
		const { record } = await pb.collection('users').authWithPassword(email, password);
		expect(record.email).toBe(email);
		expect(record.role).toBe('');
	});

	it('refuses a sign-up that asks for the tutor or editor role', async () => {
		const pb = new PocketBase(url);
		for (const role of ['tutor', 'editor']) {
			const attempt = pb.collection('users').create({
				email: `${role}-${Date.now()}@example.org`,
				password,
				passwordConfirm: password,
				role
			});
			await expect(attempt).rejects.toBeInstanceOf(ClientResponseError);
		}
	});

	it('does not let a learner promote themselves or list other people', async () => {
		const pb = new PocketBase(url);
		const email = `self-${Date.now()}@example.org`;
		await pb
			.collection('users')
			.create({ email, password, passwordConfirm: password, role: 'learner' });
		const { record } = await pb.collection('users').authWithPassword(email, password);

		await expect(pb.collection('users').update(record.id, { role: 'tutor' })).rejects.toMatchObject(
			{
				status: 404
			}
		);
		const visible = await pb.collection('users').getFullList();
		expect(visible.map((u) => u.id)).toEqual([record.id]);
	});
});
