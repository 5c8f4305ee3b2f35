import PocketBase from 'pocketbase';
import type { Session } from '$lib/api/auth';
import { storedEvent, type EventRecord, type StoredEvent } from '$lib/progress/wire-event';
import type { Cohort, CohortProgress, Thresholds } from './types';

/** A live event a tutor is shown: single quiz answers are left out, as in the first load. */
export type LiveEvent = Exclude<StoredEvent, { type: 'quiz_answered' }>;

/**
 * The tutor's side of the API. Unlike the learner's sync (plain fetch, to keep phones light),
 * this uses the PocketBase SDK: tutors work on laptops and tablets, and the SDK's realtime
 * client (reconnects, resubscribes) is what makes the dashboard live. It is loaded only by
 * the /tutor pages.
 */
export class TutorClient {
	readonly pb: PocketBase;

	constructor(
		readonly session: Session,
		base = '/'
	) {
		this.pb = new PocketBase(base);
		this.pb.authStore.save(session.token, null);
		// Several requests to one collection may run at once (a reload while a save is on
		// its way); the SDK would otherwise cancel the earlier one.
		this.pb.autoCancellation(false);
	}

	async role(): Promise<string> {
		const me = await this.pb.collection('users').getOne(this.session.userId);
		return String(me.role ?? '');
	}

	cohorts(): Promise<Cohort[]> {
		return this.pb.collection('cohorts').getFullList<Cohort>({
			filter: this.pb.filter('tutor = {:me}', { me: this.session.userId }),
			sort: 'name'
		});
	}

	createCohort(name: string, pathway: string): Promise<Cohort> {
		return this.pb
			.collection('cohorts')
			.create<Cohort>({ name, pathway, tutor: this.session.userId });
	}

	saveThresholds(id: string, thresholds: Thresholds): Promise<Cohort> {
		return this.pb.collection('cohorts').update<Cohort>(id, thresholds);
	}

	async deleteCohort(id: string): Promise<void> {
		await this.pb.collection('cohorts').delete(id);
	}

	async renewCode(id: string): Promise<string> {
		const answer = await this.pb.send<{ join_code: string }>(
			`/api/clyde/cohorts/${encodeURIComponent(id)}/renew-code`,
			{ method: 'POST' }
		);
		return answer.join_code;
	}

	progress(id: string): Promise<CohortProgress> {
		return this.pb.send<CohortProgress>(`/api/clyde/cohorts/${encodeURIComponent(id)}/progress`, {
			method: 'GET'
		});
	}

	async removeLearner(membership: string): Promise<void> {
		await this.pb.collection('memberships').delete(membership);
	}

	/**
	 * Live changes, as the server's rules allow this tutor to see them: their learners'
	 * events on their cohorts' pathways, and joins and leaves. `onReconnect` fires when the
	 * connection comes back after a break, when events may have been missed.
	 */
	async watch(handlers: {
		onEvent(event: LiveEvent): void;
		onMembership(cohort: string): void;
		onReconnect(): void;
	}): Promise<() => Promise<void>> {
		let connectedBefore = false;
		const stops = await Promise.all([
			this.pb.realtime.subscribe('PB_CONNECT', () => {
				if (connectedBefore) handlers.onReconnect();
				connectedBefore = true;
			}),
			this.pb.collection('progress_events').subscribe('*', ({ record }) => {
				const event = storedEvent(record as unknown as EventRecord);
				if (event.type !== 'quiz_answered') handlers.onEvent(event);
			}),
			this.pb
				.collection('memberships')
				.subscribe('*', ({ record }) => handlers.onMembership(String(record.cohort)))
		]);
		return async () => {
			await Promise.all(stops.map((stop) => stop().catch(() => {})));
		};
	}
}
