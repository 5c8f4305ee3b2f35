import { describe, expect, it } from 'vitest';
import { countBadges, describeBadge } from './badge-count';

describe('a cohort’s badges on the dashboard', () => {
	const badges = [
		{ user: 'a', issued: '2026-03-01T10:00:00Z', revoked: '' },
		{ user: 'b', issued: '2026-03-02T10:00:00Z', revoked: '2026-04-02T09:00:00Z' },
		{ user: 'c', issued: '2026-03-03T10:00:00Z', revoked: '' }
	];

	it('counts those that stand apart from revoked ones, and finds each learner’s', () => {
		const count = countBadges(badges);
		expect(count).toMatchObject({ earned: 2, revoked: 1 });
		expect(count.byLearner.get('b')?.revoked).not.toBe('');
		expect(count.byLearner.get('nobody')).toBeUndefined();
	});

	it('counts nothing for a server that sends no badges', () => {
		expect(countBadges(undefined)).toMatchObject({ earned: 0, revoked: 0 });
	});

	it('says a badge in words for the CSV', () => {
		expect(describeBadge(badges[0])).toBe('Earned 2026-03-01');
		expect(describeBadge(badges[1])).toBe('Revoked 2026-04-02');
		expect(describeBadge(undefined)).toBe('');
	});
});
