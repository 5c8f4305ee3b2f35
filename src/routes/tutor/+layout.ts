import { appDatabase } from '$lib/db/app-database';
import { loadSession } from '$lib/sync/session-store';
import { TutorClient } from '$lib/tutor/tutor-client';
import { tutorWords } from '$lib/tutor/tutor-words.svelte';
import type { LayoutLoad } from './$types';

/**
 * Only a signed-in tutor gets past the /tutor layout; the server's rules would refuse anyone
 * else anyway, this just says so clearly. Runs once each time /tutor is entered, and fetches the
 * tutor pages' words in the interface's language first (only tutors ever fetch them).
 */
export const load: LayoutLoad = async ({ parent }) => {
	// The root layout's load settles the interface's language, which the words follow.
	const [session] = await Promise.all([
		loadSession(appDatabase()),
		parent().then(() => tutorWords.use())
	]);
	if (!session) return { access: 'signed-out' as const };
	const tutor = new TutorClient(session);
	try {
		const role = await tutor.role();
		return role === 'tutor'
			? { access: 'ready' as const, tutor }
			: { access: 'not-tutor' as const };
	} catch (error) {
		// The SDK's status 0: no answer at all.
		const status = (error as { status?: number }).status;
		return { access: status === 0 ? ('offline' as const) : ('signed-out' as const) };
	}
};
