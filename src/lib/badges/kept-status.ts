import type { BadgeStatus, IssuerDocument } from './types';

/**
 * What the issuer's revocation list, as this phone kept it (issuer-keys.ts), says of a
 * credential: revoked, with when and why, or nothing known. Used when the issuer cannot be
 * asked (offline): a badge absent from the list may have been revoked since.
 */
export function keptStatus(issuer: IssuerDocument, credentialId: string): BadgeStatus | undefined {
	const entry = issuer.revoked?.find((badge) => badge.id === credentialId);
	return entry && { status: 'revoked', revoked: entry.revoked, reason: entry.reason };
}
