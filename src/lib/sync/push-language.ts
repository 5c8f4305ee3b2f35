import type { AccountApi } from '$lib/api/account';
import type { Session } from '$lib/api/auth';
import type { ClydeDatabase } from '$lib/db/database';

/** The language last kept on the account, and whose account: sent again only when either changes. */
const SENT = 'language-sent';

/**
 * A sync step: keeps the learner's language for Clyde's screens on their account, so that their
 * tutor knows it (docs/tutors.md). Sent once per change, after the progress: a language chosen
 * offline goes with the next sync. The test language (en-XA) is English to the server.
 */
export async function pushLanguage(
	db: Pick<ClydeDatabase, 'settings'>,
	api: Pick<AccountApi, 'setLanguage'>,
	session: Session,
	locale: string
): Promise<void> {
	const language = locale.split('-')[0] ?? 'en';
	const mark = `${session.userId} ${language}`;
	if ((await db.settings.get(SENT))?.value === mark) return;
	await api.setLanguage(session, language);
	await db.settings.put({ key: SENT, value: mark });
}
