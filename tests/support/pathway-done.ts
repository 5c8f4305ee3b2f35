import { randomUUID } from 'node:crypto';
import type { Catalog } from '../../src/lib/content/catalog-types';
import { callRoute } from './call-route';

/**
 * Pushes a completion of every published lesson of `pathway` in the name of whoever `token`
 * belongs to, as another phone of theirs would have sent it: the server's events then say the
 * pathway is done, so its badge can be claimed. Throws unless the push is taken whole.
 */
export async function pushPathwayDone(url: string, token: string, pathway: string): Promise<void> {
	const catalog = (await (await fetch(`${url}/api/clyde/catalog`)).json()) as Catalog;
	const found = catalog.pathways.find((p) => p.id === pathway);
	if (!found) throw new Error(`no ${pathway} published`);
	const events = found.modules.flatMap((m) =>
		m.lessons.map((l) => ({
			id: randomUUID(),
			type: 'lesson_completed',
			lesson: l.id,
			module: m.id,
			pathway: found.id,
			at: new Date().toISOString()
		}))
	);
	const pushed = await callRoute(url, token, 'POST', '/api/clyde/sync/push', { events });
	if (pushed.status !== 200) throw new Error(`push refused: ${pushed.status} ${pushed.text}`);
}
