import PocketBase from 'pocketbase';

// Integration tests share one server, so each names what it makes with a prefix of its own
// and removes it all afterwards by that prefix.

/**
 * An account made by the admin, signed in: its id and token. Its email starts with `prefix`.
 */
export async function prefixedAccount(
	admin: PocketBase,
	url: string,
	prefix: string,
	role: 'learner' | 'tutor',
	n: number,
	password: string
): Promise<{ id: string; token: string; email: string }> {
	const email = `${prefix}-${role}${n}@example.org`;
	const record = await admin
		.collection('users')
		.create({ email, password, passwordConfirm: password, name: `${role} ${n}`, role });
	const pb = new PocketBase(url);
	await pb.collection('users').authWithPassword(email, password);
	return { id: record.id, token: pb.authStore.token, email };
}

/** Removes the accounts and the content (createLessons) whose names start with `prefix`. */
export async function removePrefixed(admin: PocketBase, prefix: string): Promise<void> {
	const people = await admin
		.collection('users')
		.getFullList({ filter: admin.filter('email ~ {:p}', { p: prefix }) });
	for (const person of people) await admin.collection('users').delete(person.id);
	for (const collection of ['lessons', 'modules', 'pathways']) {
		const mine = await admin
			.collection(collection)
			.getFullList({ filter: admin.filter('content_id ~ {:p}', { p: prefix }) });
		for (const r of mine) await admin.collection(collection).delete(r.id);
	}
}
