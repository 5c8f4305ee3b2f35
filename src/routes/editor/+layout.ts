import { appDatabase } from '$lib/db/app-database';
import { EditorClient } from '$lib/editor/editor-client';
import { loadSession } from '$lib/sync/session-store';
import type { LayoutLoad } from './$types';

/**
 * Only a signed-in editor gets past the /editor layout; the server's rules would refuse anyone
 * else anyway, this just says so clearly.
 */
export const load: LayoutLoad = async () => {
	const session = await loadSession(appDatabase());
	if (!session) return { access: 'signed-out' as const };
	const editor = new EditorClient(session);
	try {
		return (await editor.role()) === 'editor'
			? { access: 'ready' as const, editor }
			: { access: 'not-editor' as const };
	} catch (error) {
		// The SDK's status 0: no answer at all.
		const status = (error as { status?: number }).status;
		return { access: status === 0 ? ('offline' as const) : ('signed-out' as const) };
	}
};
