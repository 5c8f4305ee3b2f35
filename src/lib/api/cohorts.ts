import type { Session } from './auth';
import type { Call } from './http';

/** A cohort a learner is in, as the learner sees it (no join code, no other members). */
export interface CohortMembership {
	membership: string;
	cohort: { id: string; name: string; pathway: string };
}

/** What a join code opens, shown before joining: the class and its tutor's name, no more. */
export interface CohortPreview {
	cohort: { name: string; pathway: string };
	/** The tutor's display name ('' when the tutor has none). */
	tutor: { name: string };
	/** Already in this class. */
	member: boolean;
}

/** The learner's side of cohorts (pb_hooks/cohorts.pb.js); tutors use the SDK client. */
export interface CohortsApi {
	/** The class a code opens, before joining (a wrong code is Rejected, as for joining). */
	preview(session: Session, code: string): Promise<CohortPreview>;
	/** Joins the cohort with this code (spaces, dashes and case do not matter). */
	join(session: Session, code: string): Promise<CohortMembership>;
	/** The cohorts this learner is in. */
	mine(session: Session): Promise<CohortMembership[]>;
	leave(session: Session, membership: string): Promise<void>;
}

export function cohortsApi(call: Call): CohortsApi {
	return {
		preview(session, code) {
			return call('/api/clyde/cohorts/preview', {
				method: 'POST',
				token: session.token,
				body: { code }
			});
		},
		join(session, code) {
			return call('/api/clyde/cohorts/join', {
				method: 'POST',
				token: session.token,
				body: { code }
			});
		},
		async mine(session) {
			const answer = await call<{ cohorts: CohortMembership[] }>('/api/clyde/cohorts/mine', {
				token: session.token
			});
			return answer.cohorts;
		},
		async leave(session, membership) {
			await call(`/api/collections/memberships/records/${encodeURIComponent(membership)}`, {
				method: 'DELETE',
				token: session.token
			});
		}
	};
}
