import type { Session } from './auth';
import type { Call } from './http';

export interface AccountApi {
	/** Deletes the learner's account; PocketBase's cascade deletes their events with it. */
	remove(session: Session): Promise<void>;
}

export function accountApi(call: Call): AccountApi {
	return {
		async remove(session) {
			await call(`/api/collections/users/records/${encodeURIComponent(session.userId)}`, {
				method: 'DELETE',
				token: session.token
			});
		}
	};
}
