import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { envelope } from './compact-jws';
import type { IssuerDocument, IssuerKey } from './types';
import { verifyBadge } from './verify-badge';

const ISSUER = 'https://learn.example.org/api/clyde/badges/issuer';
const KID = 'https://learn.example.org/api/clyde/badges/keys/k1';

const credential = {
	'@context': ['https://www.w3.org/ns/credentials/v2'],
	id: 'urn:uuid:0b6f6a38-8a8e-4d0e-9d7c-3f7b0a1c2d3e',
	type: ['VerifiableCredential', 'OpenBadgeCredential'],
	issuer: { id: ISSUER, type: ['Profile'], name: 'Clyde' },
	validFrom: '2026-03-01T10:00:00Z',
	name: 'Digital essentials badge',
	credentialSubject: {
		id: 'urn:clyde:learner:abc',
		type: ['AchievementSubject'],
		achievement: { name: 'Digital essentials', description: 'd', criteria: { narrative: 'n' } }
	}
};

/** Signs like the server does, but with jose: the verifier is checked against another signer. */
async function sign(key: CryptoKey, claims: Record<string, unknown> = {}, kid = KID) {
	return new SignJWT({ ...credential, ...claims })
		.setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
		.setIssuer(ISSUER)
		.setJti(credential.id)
		.setSubject(credential.credentialSubject.id)
		.setNotBefore(Date.parse(credential.validFrom) / 1000)
		.sign(key);
}

describe('verifying a badge on the phone', () => {
	let ours: CryptoKey;
	let theirs: CryptoKey;
	let issuer: IssuerDocument;
	let badge: string;

	beforeAll(async () => {
		const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
		ours = pair.privateKey;
		theirs = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
		const jwk = (await exportJWK(pair.publicKey)) as unknown as IssuerKey;
		issuer = {
			id: ISSUER,
			name: 'Clyde',
			url: 'https://learn.example.org',
			keys: [{ ...jwk, kid: KID }]
		};
		badge = await sign(ours);
	});

	it('says valid for a good badge, and whether its status was asked', () => {
		expect(verifyBadge(badge, issuer)).toMatchObject({ kind: 'valid', statusChecked: false });
		const checked = verifyBadge(badge, issuer, { status: 'active' });
		expect(checked).toMatchObject({ kind: 'valid', statusChecked: true });
		expect(checked.kind === 'valid' && checked.credential.name).toBe('Digital essentials badge');
	});

	it('reads the JSON file a badge downloads as, and the JWS pasted with spaces around it', () => {
		expect(verifyBadge(envelope(badge), issuer).kind).toBe('valid');
		expect(verifyBadge(`\n  ${badge}  \n`, issuer).kind).toBe('valid');
	});

	it('says tampered when any one character of it changes', () => {
		const [head, body, signature] = badge.split('.') as [string, string, string];
		for (const at of [5, 60, body.length - 3]) {
			const changed = body.slice(0, at) + (body[at] === 'A' ? 'B' : 'A') + body.slice(at + 1);
			expect(verifyBadge(`${head}.${changed}.${signature}`, issuer).kind, `at ${at}`).toBe(
				'tampered'
			);
		}
		const sig = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
		expect(verifyBadge(`${head}.${body}.${sig}`, issuer).kind).toBe('tampered');
	});

	it('says tampered when the signed claims do not repeat the credential', async () => {
		expect(verifyBadge(await sign(ours, { id: 'urn:uuid:other' }), issuer).kind).toBe('tampered');
	});

	it('says revoked when the issuer says so, with when and why', () => {
		const verdict = verifyBadge(badge, issuer, {
			status: 'revoked',
			revoked: '2026-04-01T09:00:00Z',
			reason: 'Issued by mistake'
		});
		expect(verdict).toMatchObject({ kind: 'revoked', reason: 'Issued by mistake' });
	});

	it('says unknown issuer for a key the issuer never published', async () => {
		const other = await sign(theirs, {}, 'https://elsewhere.example/keys/1');
		expect(verifyBadge(other, issuer)).toEqual({ kind: 'unknown-issuer', issuer: ISSUER });
	});

	it('says not a badge for anything else', () => {
		for (const text of ['', 'hello', '{"a":1}', 'a.b.c', '{not json']) {
			expect(verifyBadge(text, issuer).kind, text).toBe('not-a-badge');
		}
	});
});
