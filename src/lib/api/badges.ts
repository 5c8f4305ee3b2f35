import type { BadgeStatus, IssuerDocument, RevocationList, StoredBadge } from '$lib/badges/types';
import type { Session } from './auth';
import { BadAnswer, Rejected, type Call } from './http';

/** A lesson the server does not yet count as done, so the badge cannot be issued. */
export interface MissingLesson {
	id: string;
	title: string;
}

/** The claim was refused because the server's events do not show the pathway done (409). */
export class NotDoneYet extends Rejected {
	override name = 'NotDoneYet';
	constructor(
		message: string,
		readonly missing: MissingLesson[]
	) {
		super(message, 409);
	}
}

/** The badge routes of pb_hooks/badges.pb.js. */
export interface BadgesApi {
	/** The learner's badge for a pathway: issued now, or the one issued before. */
	claim(session: Session, pathway: string, name: string): Promise<StoredBadge>;
	/** The issuer's profile and public keys (public). */
	issuer(): Promise<IssuerDocument>;
	/** Whether a badge stands; `url` is its credentialStatus.id, on this server. */
	status(url: string): Promise<BadgeStatus>;
	/** Every badge the issuer has revoked (public). */
	revoked(): Promise<RevocationList>;
}

export function badgesApi(call: Call): BadgesApi {
	return {
		async claim(session, pathway, name) {
			try {
				return await call<StoredBadge>('/api/clyde/badges/claim', {
					method: 'POST',
					token: session.token,
					body: name ? { pathway, name } : { pathway }
				});
			} catch (error) {
				if (error instanceof Rejected && error.status === 409) {
					const missing = (error.fields as unknown as { missing?: MissingLesson[] }).missing;
					throw new NotDoneYet(error.message, Array.isArray(missing) ? missing : []);
				}
				throw error;
			}
		},
		async issuer() {
			const answer = await call<IssuerDocument>('/api/clyde/badges/issuer');
			if (typeof answer.id !== 'string' || !Array.isArray(answer.keys)) {
				throw new BadAnswer('the badge issuer’s keys are not in the expected form');
			}
			return answer;
		},
		status(url) {
			return call<BadgeStatus>(new URL(url).pathname);
		},
		async revoked() {
			const answer = await call<RevocationList>('/api/clyde/badges/revoked');
			if (!Array.isArray(answer.revoked)) {
				throw new BadAnswer('the badge issuer’s revocation list is not in the expected form');
			}
			return answer;
		}
	};
}
