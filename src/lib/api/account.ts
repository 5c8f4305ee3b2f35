import type { Session } from './auth';
import type { Call } from './http';

export interface AccountApi {
	/** Deletes the learner's account; PocketBase's cascade deletes their events with it. */
	remove(session: Session): Promise<void>;
	/** Keeps the learner's language for Clyde's screens on their account, for their tutors. */
	setLanguage(session: Session, language: string): Promise<void>;
}

export function accountApi(call: Call): AccountApi {
	return {
		async remove(session) {
			await call(`/api/collections/users/records/${encodeURIComponent(session.userId)}`, {
				method: 'DELETE',
				token: session.token
			});
		},
		async setLanguage(session, language) {
			await call(`/api/collections/users/records/${encodeURIComponent(session.userId)}`, {
				method: 'PATCH',
				token: session.token,
				body: { language }
			});
		}
	};
}
