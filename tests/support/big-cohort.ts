import PocketBase from 'pocketbase';

/**
 * A cohort of learners who have done nothing yet, made by the admin, and its tutor (who signs
 * in with `password`). The learners come from one request to the benchmarks' accounts route,
 * which the browser tests' server has (tests/setup/pocketbase-global.ts): one password hash
 * for them all, where a sign-up each costs a bcrypt each: most of a minute for 130 on a busy
 * machine. Learners never sign in here, so a shared hash changes nothing a test sees.
 */
export async function seedBigCohort(
	url: string,
	admin: { email: string; password: string },
	options: { suffix: string; cohort: string; tutorEmail: string; password: string; names: string[] }
): Promise<void> {
	const root = new PocketBase(url);
	root.autoCancellation(false);
	await root.admins.authWithPassword(admin.email, admin.password);
	const { password } = options;
	const tutor = await root.collection('users').create<{ id: string }>({
		email: options.tutorEmail,
		role: 'tutor',
		name: 'Tutor Rhona',
		password,
		passwordConfirm: password
	});
	const cohort = await root.collection('cohorts').create<{ id: string }>({
		name: options.cohort,
		pathway: 'digital-essentials',
		tutor: tutor.id
	});
	const { accounts } = await root.send<{ accounts: { id: string }[] }>('/api/bench/accounts', {
		method: 'POST',
		body: {
			prefix: `big-${options.suffix}`,
			count: options.names.length,
			role: 'learner',
			names: options.names,
			password
		}
	});
	// Ten at a time: SQLite takes one write at a time anyway, and the requests' round trips overlap.
	for (let i = 0; i < accounts.length; i += 10) {
		await Promise.all(
			accounts
				.slice(i, i + 10)
				.map(({ id }) => root.collection('memberships').create({ cohort: cohort.id, learner: id }))
		);
	}
}
