// Loaded with require() from lib/badges.js. Plain JavaScript for goja; pure, so
// src/lib/badges/badge-credential-server.spec.ts runs it in node.
//
// What a Clyde badge says: an Open Badges 3.0 OpenBadgeCredential (1EdTech, on the W3C
// Verifiable Credentials Data Model 2.0), sent as a VC-JWT (OB 3.0 §8.2): the JWT payload is
// the credential itself plus the claims iss, jti, nbf and sub, which must repeat issuer.id,
// id, validFrom and credentialSubject.id. See docs/badges.md.

const CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'
];

const EDSF = {
	framework: 'Essential digital skills framework (Department for Education, 2018)',
	url: 'https://www.gov.uk/government/publications/essential-digital-skills-framework'
};

/** Where the issuer's documents live under the server's public address `base`. */
function urls(base) {
	const root = `${base.replace(/\/+$/, '')}/api/clyde/badges`;
	return {
		issuer: `${root}/issuer`,
		key: (kid) => `${root}/keys/${kid}`,
		status: (id) => `${root}/status/${id}`,
		revoked: `${root}/revoked`,
		achievement: (pathway) => `${root}/achievements/${pathway}`
	};
}

/** The issuer's Open Badges profile. */
function issuerProfile(base, name) {
	return {
		id: urls(base).issuer,
		type: ['Profile'],
		name,
		url: base.replace(/\/+$/, '')
	};
}

/**
 * One alignment per EDSF statement the pathway's lessons are tagged with, in first-seen order.
 * `statements` maps a code to its words, when the server knows them; otherwise the code names it.
 */
function alignments(lessons, statements) {
	const seen = {};
	const out = [];
	for (const lesson of lessons) {
		for (const code of lesson.skills || []) {
			if (seen[code]) continue;
			seen[code] = true;
			const words = statements && statements[code];
			const alignment = {
				type: ['Alignment'],
				targetName: words ? `${code}: ${words}` : `Essential Digital Skills statement ${code}`,
				targetUrl: EDSF.url,
				targetCode: code,
				targetFramework: EDSF.framework,
				targetType: 'ext:EDSFStatement'
			};
			out.push(alignment);
		}
	}
	return out;
}

/**
 * The credential. `claim`: {base, issuerName, credentialId (urn:uuid:…), badgeId (the
 * record's id, for the status URL), learnerId, displayName ("" for none), issued (ISO 8601,
 * whole seconds), pathway: {id, title, summary, lessons: [{id, title, skills?}]}, statements?}.
 */
function credential(claim) {
	const at = urls(claim.base);
	const pathway = claim.pathway;
	const lessonList = pathway.lessons.map((l) => l.title).join('; ');
	const subject = {
		id: `urn:clyde:learner:${claim.learnerId}`,
		type: ['AchievementSubject'],
		achievement: {
			id: at.achievement(pathway.id),
			type: ['Achievement'],
			achievementType: 'Certificate',
			name: pathway.title,
			description: pathway.summary || `The ${pathway.title} pathway on Clyde.`,
			criteria: {
				narrative: `Finished every lesson of the ${pathway.title} pathway (${pathway.lessons.length} lessons: ${lessonList}). A lesson counts as finished when the learner completed it or passed its quiz, and passed each of its exercises, as recorded by the server.`
			},
			alignment: alignments(pathway.lessons, claim.statements)
		}
	};
	if (claim.displayName) {
		// OB 3.0 names a recipient with an IdentityObject; plain, because the learner chose to show it.
		subject.identifier = [
			{
				type: 'IdentityObject',
				identityHash: claim.displayName,
				identityType: 'name',
				hashed: false
			}
		];
	}
	return {
		'@context': CONTEXT,
		id: claim.credentialId,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: issuerProfile(claim.base, claim.issuerName),
		validFrom: claim.issued,
		awardedDate: claim.issued,
		name: `${pathway.title} badge`,
		credentialSubject: subject,
		credentialStatus: { id: at.status(claim.badgeId), type: 'ClydeBadgeStatus' }
	};
}

/** The JWT payload of a credential (OB 3.0 §8.2.4): the credential and its registered claims. */
function jwtPayload(vc) {
	const payload = {
		iss: vc.issuer.id,
		jti: vc.id,
		nbf: Math.floor(Date.parse(vc.validFrom) / 1000),
		sub: vc.credentialSubject.id
	};
	for (const key in vc) payload[key] = vc[key];
	return payload;
}

module.exports = {
	CONTEXT,
	EDSF,
	urls,
	issuerProfile,
	alignments,
	credential,
	jwtPayload
};
