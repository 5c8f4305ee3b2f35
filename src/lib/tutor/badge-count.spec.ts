import { describe, expect, it } from 'vitest';
import { countBadges, describeBadge, withRevoked } from './badge-count';

describe('a cohort’s badges on the dashboard', () => {
	const badges = [
		{ id: 'b1', user: 'a', issued: '2026-03-01T10:00:00Z', revoked: '', reason: '' },
		{
			id: 'b2',
			user: 'b',
			issued: '2026-03-02T10:00:00Z',
			revoked: '2026-04-02T09:00:00Z',
			reason: 'Issued by mistake'
		},
		{ id: 'b3', user: 'c', issued: '2026-03-03T10:00:00Z', revoked: '', reason: '' }
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

	it('marks one badge revoked as the server answered, leaving the others', () => {
		const status = {
			status: 'revoked' as const,
			revoked: '2026-05-01T08:00:00Z',
			reason: 'Wrong account'
		};
		const next = withRevoked(badges, 'b1', status);
		expect(next[0]).toEqual({ ...badges[0], revoked: status.revoked, reason: 'Wrong account' });
		expect(next.slice(1)).toEqual(badges.slice(1));
		expect(countBadges(next)).toMatchObject({ earned: 1, revoked: 2 });
		expect(badges[0]?.revoked).toBe('');
	});

	it('keeps the first revocation, as the server does, and ignores an answer that is not one', () => {
		const again = { status: 'revoked' as const, revoked: '2026-06-01T08:00:00Z', reason: 'Other' };
		expect(withRevoked(badges, 'b2', again)).toEqual(badges);
		expect(withRevoked(badges, 'b1', { status: 'active' })).toEqual(badges);
		expect(withRevoked(badges, 'nope', again)).toEqual(badges);
	});
});
