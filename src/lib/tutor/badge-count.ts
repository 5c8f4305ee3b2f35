import type { BadgeStatus } from '$lib/badges/types';
import type { CohortBadge } from './types';

/** What the dashboard says of a cohort's badges: how many stand, and each learner's. */
export interface BadgeCount {
	/** Badges that stand (issued and not revoked). */
	earned: number;
	revoked: number;
	byLearner: Map<string, CohortBadge>;
}

export function countBadges(badges: readonly CohortBadge[] = []): BadgeCount {
	const byLearner = new Map(badges.map((badge) => [badge.user, badge]));
	const revoked = badges.filter((badge) => badge.revoked).length;
	return { earned: badges.length - revoked, revoked, byLearner };
}

/** A learner's badge in words, for the CSV: "", "Earned 2026-03-01" or "Revoked 2026-04-02". */
export function describeBadge(badge: CohortBadge | undefined): string {
	if (!badge) return '';
	return badge.revoked
		? `Revoked ${badge.revoked.slice(0, 10)}`
		: `Earned ${badge.issued.slice(0, 10)}`;
}

/**
 * The badges with one revoked as the server's answer to revoking it says (its status), so the
 * dashboard shows it at once. A badge already revoked keeps its first date and reason, as the
 * server does.
 */
export function withRevoked(
	badges: readonly CohortBadge[],
	id: string,
	status: BadgeStatus
): CohortBadge[] {
	return badges.map((badge) =>
		badge.id === id && !badge.revoked && status.status === 'revoked' && status.revoked
			? { ...badge, revoked: status.revoked, reason: status.reason ?? '' }
			: badge
	);
}
