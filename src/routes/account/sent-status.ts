import { i18n, t } from '$lib/i18n/i18n.svelte';
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
 * phone first, then sent to their tutor (or their account). For the Account page.
 */
export function sentStatus(facts: SentFacts): string {
	const to = facts.inClass ? 'tutor' : 'account';
	if (facts.status.state === 'syncing') return t(`sent_sending_${to}`);
	if (facts.pending > 0) {
		if (!facts.online) return t(`sent_pending_offline_${to}`, { count: facts.pending });
		return t('sent_pending_online', { count: facts.pending });
	}
	const last = facts.status.lastSyncedAt;
	if (!last) return t(`sent_nothing_${to}`);
	const when = new Date(last).toLocaleString(i18n.tag, {
		hour: '2-digit',
		minute: '2-digit',
		day: 'numeric',
		month: 'long',
		timeZone: facts.timeZone
	});
	return t(`sent_all_${to}`, { when });
}
