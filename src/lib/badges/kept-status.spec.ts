import { describe, expect, it } from 'vitest';
import { keptStatus } from './kept-status';
import type { IssuerDocument } from './types';

describe('a badge’s status from the revocation list the phone kept', () => {
	const issuer: IssuerDocument = {
		id: 'https://learn.example.org/api/clyde/badges/issuer',
		name: 'Clyde',
		url: 'https://learn.example.org',
		keys: [],
		fetchedAt: '2026-05-01T09:00:00.000Z',
		revoked: [
			{
				id: 'urn:uuid:1',
				status: 'https://learn.example.org/api/clyde/badges/status/b1',
				revoked: '2026-04-02T09:00:00.000Z',
				reason: 'Issued to the wrong account'
			}
		]
	};

	it('says revoked, with when and why, for a credential on the list', () => {
		expect(keptStatus(issuer, 'urn:uuid:1')).toEqual({
			status: 'revoked',
			revoked: '2026-04-02T09:00:00.000Z',
			reason: 'Issued to the wrong account'
		});
	});

	it('knows nothing of a credential not on it, or when no list was kept', () => {
		expect(keptStatus(issuer, 'urn:uuid:2')).toBeUndefined();
		expect(keptStatus({ ...issuer, revoked: undefined }, 'urn:uuid:1')).toBeUndefined();
	});
});
