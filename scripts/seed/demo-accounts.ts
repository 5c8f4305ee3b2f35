import type PocketBase from 'pocketbase';

export type Role = 'learner' | 'tutor' | 'editor';

export interface DemoAccount {
	email: string;
	password: string;
	name: string;
	role: Role;
}

/** Local-only demo logins, printed by `npm start`. Turned off with CLYDE_DEMO=0 in production. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		email: 'learner@clyde.local',
		password: 'learner-demo-pass',
		name: 'Demo Learner',
		role: 'learner'
	},
	{ email: 'tutor@clyde.local', password: 'tutor-demo-pass', name: 'Demo Tutor', role: 'tutor' },
	{ email: 'editor@clyde.local', password: 'editor-demo-pass', name: 'Demo Editor', role: 'editor' }
];

/**
 * Creates each demo account that does not exist yet. An existing account is left exactly as
 * it is (a changed password or name survives a restart), so running this twice changes nothing.
 * `pb` must be authenticated as an admin.
 */
export async function ensureDemoAccounts(
	pb: PocketBase,
	accounts: readonly DemoAccount[] = DEMO_ACCOUNTS
): Promise<{ created: string[]; existing: string[] }> {
	const created: string[] = [];
	const existing: string[] = [];
	for (const account of accounts) {
		const found = await pb
			.collection('users')
			.getList(1, 1, { filter: pb.filter('email = {:email}', { email: account.email }) });
		if (found.items.length > 0) {
			existing.push(account.email);
			continue;
		}
		await pb.collection('users').create({
			email: account.email,
			emailVisibility: false,
			password: account.password,
			passwordConfirm: account.password,
			name: account.name,
			role: account.role,
			verified: true
		});
		created.push(account.email);
	}
	return { created, existing };
}
