import { randomUUID } from 'node:crypto';
import PocketBase from 'pocketbase';
import type { Catalog } from '../../src/lib/content/catalog-types';

export interface SeededCohort {
	tutorEmail: string;
	cohort: string;
	/** The learner stuck on the first lesson's quiz, and the one three lessons in. */
	ada: string;
	bo: string;
	password: string;
}

/**
 * A Digital Essentials cohort whose learners did everything today, Ada failing the first
 * lesson's quiz twice at 0% (her phone in `adaLanguage`, when given), Bo completing three
 * lessons: the day a tutor runs a first session. Made through the real API.
 */
export async function seedCohort(
	url: string,
	admin: { email: string; password: string },
	options: { suffix: string; cohort: string; password: string; adaLanguage?: string }
): Promise<SeededCohort> {
	const { suffix, password } = options;
	const root = new PocketBase(url);
	await root.admins.authWithPassword(admin.email, admin.password);
	const people = [
		[`tutor-${suffix}@example.org`, 'tutor', 'Tutor Iona'],
		[`ada-${suffix}@example.org`, 'learner', `Ada ${suffix}`],
		[`bo-${suffix}@example.org`, 'learner', `Bo ${suffix}`]
	] as const;
	for (const [email, role, name] of people) {
		await root
			.collection('users')
			.create({ email, role, name, password, passwordConfirm: password });
	}
	const [tutorEmail, adaEmail, boEmail] = people.map(([email]) => email) as [
		string,
		string,
		string
	];
	const signedIn = async (email: string) => {
		const pb = new PocketBase(url);
		await pb.collection('users').authWithPassword(email, password);
		return pb;
	};
	const tutor = await signedIn(tutorEmail);
	const cohort = await tutor.collection('cohorts').create<{ id: string; join_code: string }>({
		name: options.cohort,
		pathway: 'digital-essentials',
		tutor: tutor.authStore.model?.id
	});

	const catalog = await tutor.send<Catalog>('/api/clyde/catalog', {});
	const pathway = catalog.pathways.find((p) => p.id === 'digital-essentials');
	const module = pathway?.modules[0];
	if (!pathway || !module) throw new Error('the bundled content is not published');
	const place = (i: number) => ({
		lesson: module.lessons[i]?.id ?? '',
		module: module.id,
		pathway: pathway.id
	});
	// A session within the last hour, but all of it today (UTC): just after midnight the minutes
	// shrink, so the completion chart still starts yesterday and ends today, whatever the hour.
	const now = Date.now();
	const minute = Math.min(
		60_000,
		(now - Date.parse(new Date(now).toISOString().slice(0, 10))) / 60
	);
	const at = (minutesAgo: number) => new Date(now - minutesAgo * minute).toISOString();
	const events = {
		[adaEmail]: [
			{ ...place(0), id: randomUUID(), type: 'lesson_opened', at: at(50) },
			...[40, 30].map((m) => ({
				...place(0),
				id: randomUUID(),
				type: 'quiz_completed',
				at: at(m),
				correct: 0,
				total: 4,
				passed: false
			}))
		],
		[boEmail]: [0, 1, 2].map((i) => ({
			...place(i),
			id: randomUUID(),
			type: 'lesson_completed',
			at: at(45 - i * 10)
		}))
	};
	for (const [email, pushed] of Object.entries(events)) {
		const learner = await signedIn(email);
		await learner.send('/api/clyde/cohorts/join', {
			method: 'POST',
			body: { code: cohort.join_code }
		});
		await learner.send('/api/clyde/sync/push', { method: 'POST', body: { events: pushed } });
		if (email === adaEmail && options.adaLanguage) {
			const id = learner.authStore.model?.id as string;
			await learner.collection('users').update(id, { language: options.adaLanguage });
		}
	}
	return {
		tutorEmail,
		cohort: options.cohort,
		ada: `Ada ${suffix}`,
		bo: `Bo ${suffix}`,
		password
	};
}
