import nacl from 'tweetnacl';
import { base64urlBytes, findJws, NotAJws, parseJws } from './compact-jws';
import type { BadgeCredential, BadgeStatus, IssuerDocument } from './types';

/**
 * What /verify says about a credential, in the four outcomes the issue names, plus "not a
 * badge" for text that is no credential at all.
 */
export type Verdict =
	| { kind: 'valid'; credential: BadgeCredential; statusChecked: boolean }
	| { kind: 'revoked'; credential: BadgeCredential; revoked?: string; reason?: string }
	| { kind: 'tampered' }
	| { kind: 'unknown-issuer'; issuer?: string }
	| { kind: 'not-a-badge' };

/**
 * Checks a badge (a compact JWS, or the JSON file it downloads as) against an issuer's
 * published keys, as Open Badges 3.0 §8.2 says a verifier must: the key the header's `kid`
 * names must be the issuer's; the EdDSA signature must hold (TweetNaCl, the library the
 * server signs with, audited; no WebCrypto Ed25519 needed, which older phones lack); the JWT
 * claims must repeat the credential's issuer, id, subject and validFrom. `status` is what the
 * issuer said of it, when it could be asked (online); without it a good badge is valid with
 * `statusChecked: false`.
 */
export function verifyBadge(text: string, issuer: IssuerDocument, status?: BadgeStatus): Verdict {
	const jws = findJws(text);
	if (!jws) return { kind: 'not-a-badge' };
	let parsed;
	try {
		parsed = parseJws(jws);
	} catch (error) {
		// Three parts that are not all JSON: most likely a badge with a character changed.
		if (error instanceof NotAJws)
			return jws.length > 100 ? { kind: 'tampered' } : { kind: 'not-a-badge' };
		throw error;
	}
	const { header, payload, signingInput, signature } = parsed;
	const key = issuer.keys.find((k) => k.kid === header.kid);
	if (!key || header.alg !== 'EdDSA') {
		const named = payload.issuer as { id?: unknown } | undefined;
		return { kind: 'unknown-issuer', issuer: typeof named?.id === 'string' ? named.id : undefined };
	}
	let publicKey: Uint8Array;
	try {
		publicKey = base64urlBytes(key.x);
	} catch {
		return { kind: 'unknown-issuer' };
	}
	if (signature.length !== 64 || !nacl.sign.detached.verify(signingInput, signature, publicKey)) {
		return { kind: 'tampered' };
	}
	const credential = payload as unknown as BadgeCredential & Record<string, unknown>;
	const claimsAgree =
		credential.issuer?.id === issuer.id &&
		payload.iss === issuer.id &&
		payload.jti === credential.id &&
		payload.sub === credential.credentialSubject?.id &&
		typeof payload.nbf === 'number' &&
		payload.nbf * 1000 === Date.parse(credential.validFrom);
	// Signed by our key yet inconsistent: not something this issuer makes; treat as tampered.
	if (!claimsAgree) return { kind: 'tampered' };
	if (status?.status === 'revoked') {
		return { kind: 'revoked', credential, revoked: status.revoked, reason: status.reason };
	}
	return { kind: 'valid', credential, statusChecked: !!status };
}
