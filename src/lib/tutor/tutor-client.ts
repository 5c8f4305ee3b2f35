import PocketBase from 'pocketbase';
import type { Session } from '$lib/api/auth';
import type { BadgeStatus } from '$lib/badges/types';
import { storedEvent, type EventRecord, type StoredEvent } from '$lib/progress/wire-event';
import type { SharedCode } from './shared-code';
import type {
	ActivityNotice,
	Cohort,
	CohortChanges,
	CohortProgress,
	NoticeCell,
	Thresholds
} from './types';

/** An event on a learner's timeline: single quiz answers are left out, as on the dashboard. */
export type TimelineEvent = Exclude<StoredEvent, { type: 'quiz_answered' }>;

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

	/** The whole cohort, learner by lesson (pb_hooks/lib/dashboard.js). */
	progress(id: string): Promise<CohortProgress> {
		return this.pb.send<CohortProgress>(`/api/clyde/cohorts/${encodeURIComponent(id)}/progress`, {
			method: 'GET'
		});
	}

	/** The cohort's events after the server's cursor `after`. */
	changes(id: string, after: number): Promise<CohortChanges> {
		return this.pb.send<CohortChanges>(`/api/clyde/cohorts/${encodeURIComponent(id)}/progress`, {
			method: 'GET',
			query: { after }
		});
	}

	/**
	 * One learner's events, newest first, as the server's rules let this tutor see them: those
	 * on the pathways of this tutor's cohorts that the learner is in.
	 */
	async timeline(learner: string): Promise<TimelineEvent[]> {
		const records = await this.pb.collection('progress_events').getFullList<EventRecord>({
			filter: this.pb.filter('user = {:learner} && type != "quiz_answered"', { learner }),
			sort: '-seq'
		});
		return records.map((record) => storedEvent(record) as TimelineEvent);
	}

	/**
	 * Code the learner chose to send, as the server's rules let this tutor see it: on the
	 * pathways of this tutor's cohorts that the learner is in (pb_migrations/…_shared_code.js).
	 */
	async sharedCode(learner: string): Promise<SharedCode[]> {
		return this.pb.collection('shared_code').getFullList<SharedCode>({
			filter: this.pb.filter('user = {:learner}', { learner }),
			fields: 'id,exercise,lesson,pathway,at,files',
			sort: '-at'
		});
	}

	/**
	 * Revokes a learner's badge for good (pb_hooks/lib/badges.js): only an admin or a tutor of
	 * a cohort the learner is in may. The reason is public; the answer is the badge's status.
	 */
	revokeBadge(badge: string, reason: string): Promise<BadgeStatus> {
		return this.pb.send<BadgeStatus>(`/api/clyde/badges/${encodeURIComponent(badge)}/revoke`, {
			method: 'POST',
			body: { reason }
		});
	}

	async removeLearner(membership: string): Promise<void> {
		await this.pb.collection('memberships').delete(membership);
	}

	/**
	 * Live notice of the cohort's changes: its activity record (one per cohort, whose id is the
	 * cohort's), which only its tutor may see. A push saves it once, however many events it
	 * carried, so an open dashboard costs a push one check, not one per event.
	 * `onReconnect` fires when the connection comes back after a break, when notices may have
	 * been missed; `onNotice(null)` when the cohort is gone.
	 */
	async watch(
		cohort: string,
		handlers: { onNotice(notice: ActivityNotice | null): void; onReconnect(): void }
	): Promise<() => Promise<void>> {
		let connectedBefore = false;
		const stops = await Promise.all([
			this.pb.realtime.subscribe('PB_CONNECT', () => {
				if (connectedBefore) handlers.onReconnect();
				connectedBefore = true;
			}),
			this.pb.collection('cohort_activity').subscribe(cohort, ({ action, record }) => {
				handlers.onNotice(action === 'delete' ? null : noticeOf(record));
			})
		]);
		return async () => {
			await Promise.all(stops.map((stop) => stop().catch(() => {})));
		};
	}
}

/** The notice as the app reads it, from the record the realtime stream sends. */
function noticeOf(record: Record<string, unknown>): ActivityNotice {
	const cells = Array.isArray(record.cells) ? (record.cells as NoticeCell[]) : null;
	return {
		seq: Number(record.seq),
		roster: Number(record.roster),
		previous: Number(record.previous ?? 0),
		cells
	};
}
