/** A badge as the server issued it to this learner, kept on the phone (Dexie `badges`). */
export interface StoredBadge {
	/** The server's id for it: its status is /api/clyde/badges/status/<id>. */
	id: string;
	pathway: string;
	/** The signed credential: a compact JWS whose payload is the Open Badges 3.0 credential. */
	credential: string;
	/** The name the learner chose to show on it ('' for none). */
	display_name: string;
	/** ISO 8601. */
	issued: string;
	/** ISO 8601 when revoked, '' while it stands. */
	revoked: string;
	revoked_reason: string;
}

/** An Ed25519 public key as a JWK (RFC 8037), its `kid` the URL that serves it. */
export interface IssuerKey {
	kty: 'OKP';
	crv: 'Ed25519';
	kid: string;
	x: string;
}

/** The issuer's profile with its public keys (GET /api/clyde/badges/issuer), cached for offline checks. */
export interface IssuerDocument {
	id: string;
	name: string;
	url: string;
	keys: IssuerKey[];
	/** When this phone fetched it (ISO 8601); absent in the server's answer. */
	fetchedAt?: string;
	/**
	 * The badges this issuer had revoked when this phone fetched its keys (from its revocation
	 * list), so /verify can say "revoked" offline; absent in the server's answer.
	 */
	revoked?: RevokedBadge[];
}

/** One entry of the issuer's revocation list (GET /api/clyde/badges/revoked). */
export interface RevokedBadge {
	/** The credential's id (urn:uuid:…). */
	id: string;
	/** Its credentialStatus.id. */
	status: string;
	/** ISO 8601. */
	revoked: string;
	reason: string;
}

/** The issuer's revocation list: every badge it has revoked. */
export interface RevocationList {
	id: string;
	issuer: string;
	/** When the server answered (ISO 8601). */
	updated: string;
	revoked: RevokedBadge[];
}

/** Whether a badge stands (GET /api/clyde/badges/status/<id>). */
export interface BadgeStatus {
	status: 'active' | 'revoked';
	revoked?: string;
	reason?: string;
}

/** The parts of an Open Badges 3.0 credential the app shows. */
export interface BadgeCredential {
	id: string;
	name: string;
	validFrom: string;
	issuer: { id: string; name: string; url?: string };
	credentialSubject: {
		id: string;
		identifier?: { identityHash: string; identityType: string }[];
		achievement: {
			name: string;
			description: string;
			criteria: { narrative?: string };
			alignment?: { targetCode?: string; targetName: string; targetUrl: string }[];
		};
	};
	credentialStatus?: { id: string; type: string };
}
