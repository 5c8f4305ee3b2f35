import type { SyncStatus } from '$lib/sync/sync-engine';

export interface SentFacts {
	status: SyncStatus;
	/** Changes saved on this phone that the server has not confirmed. */
	pending: number;
	online: boolean;
	/** In a class: the tutor is who sees what is sent. */
	inClass: boolean;
	timeZone?: string;
}

/**
 * Where the learner's progress is, in their words rather than sync's: always saved on this
 * phone first, then sent to their tutor (or their account). Pure, for the Account page.
 */
export function sentStatus(facts: SentFacts): string {
	const to = facts.inClass ? 'your tutor' : 'your account';
	const changes = `${facts.pending} change${facts.pending === 1 ? '' : 's'}`;
	const notSent = facts.pending === 1 ? 'is not sent yet' : 'are not sent yet';
	if (facts.status.state === 'syncing') return `Sending your progress to ${to}…`;
	if (facts.pending > 0) {
		const they = facts.pending === 1 ? 'It goes' : 'They go';
		if (!facts.online) return `${changes} ${notSent}. ${they} to ${to} when you are back online.`;
		return `${changes} ${notSent}. Clyde will try again soon.`;
	}
	const last = facts.status.lastSyncedAt;
	if (!last) return `Nothing to send to ${to} yet.`;
	const when = new Date(last).toLocaleString('en-GB', {
		hour: '2-digit',
		minute: '2-digit',
		day: 'numeric',
		month: 'long',
		timeZone: facts.timeZone
	});
	return `Everything is sent to ${to} (last sent ${when}).`;
}
