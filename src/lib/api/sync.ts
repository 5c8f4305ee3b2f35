import type { CodeShare } from '$lib/exercises/share-code';
import type { ProgressEvent } from '$lib/progress/event-types';
import type { Session } from './auth';
import type { Call } from './http';

/**
 * A push's answer: every event of the batch is on the server (`accepted` of them: the whole
 * batch), `stored` of them by this push, the others were there already (a retry); the stored
 * ones have the server's seqs up to `seq` (0 when none was stored).
 */
export interface PushAnswer {
	accepted: number;
	stored: number;
	seq: number;
}
export interface PullPage {
	events: ProgressEvent[];
	/** The server's seq of the last event in the page: the next pull starts after it. */
	cursor: number;
	more: boolean;
}

/** The sync routes of pb_hooks/sync.pb.js (protocol: docs/sync-protocol.md). */
export interface SyncApi {
	/** Stores a batch, all or nothing; refused events come back as `Rejected.invalid`. */
	push(session: Session, events: ProgressEvent[]): Promise<PushAnswer>;
	/** The learner's own events after the server's cursor `after`, oldest first. */
	pull(session: Session, after: number, limit: number): Promise<PullPage>;
	/** Sends code the learner chose to share with their tutor; `stored` false when already there. */
	share(session: Session, share: CodeShare): Promise<{ stored: boolean }>;
}

export function syncApi(call: Call): SyncApi {
	return {
		push(session, events) {
			return call<PushAnswer>('/api/clyde/sync/push', {
				method: 'POST',
				token: session.token,
				body: { events }
			});
		},
		pull(session, after, limit) {
			return call('/api/clyde/sync/pull', { token: session.token, query: { after, limit } });
		},
		share(session, share) {
			return call('/api/clyde/share', { method: 'POST', token: session.token, body: share });
		}
	};
}
