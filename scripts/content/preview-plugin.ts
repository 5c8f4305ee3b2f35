import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PREVIEW_EVENTS } from '../../src/lib/content/preview-types.ts';

type CompileModule = typeof import('./compile');
type LoadModule = typeof import('./load');

/**
 * Editor preview for `npm run dev` (never in a build): `GET /__clyde/preview` answers the
 * compiled content and every diagnostic, fresh from disk, and a save under content/ tells
 * the page to fetch again. CLYDE_CONTENT_DIR points it at another folder.
 *
 * The checker is loaded through Vite's own module loader when first asked for, so that
 * loading vite.config.ts (every build and test run) does not pull in jsdom and friends.
 */
export function contentPreview(root = resolve(process.env.CLYDE_CONTENT_DIR ?? 'content')): Plugin {
	let watcher: FSWatcher | undefined;
	return {
		name: 'clyde-content-preview',
		apply: 'serve',
		closeBundle() {
			watcher?.close();
			watcher = undefined;
		},
		configureServer(server) {
			// Node's watcher, not Vite's: chokidar drops a change to a file that comes within
			// 50 ms of the last one it reported (by a timer that runs late on a busy machine), so
			// a quick second save, or the write that follows a save's truncation, never reached
			// the page, which went on showing the file as it was. Every event here reaches it,
			// and the page fetches once more after the fetch it has going (one-at-a-time.ts).
			// It starts when a preview page first says hello (so Vitest, which also runs this
			// plugin, never holds a watcher open), and the answer tells the page that from now
			// on no save is missed; the page fetches again then, for any save before it.
			server.ws.on(PREVIEW_EVENTS.hello, (_data, client) => {
				try {
					watcher ??= watch(root, { recursive: true }, (_event, file) =>
						server.ws.send(PREVIEW_EVENTS.changed, { path: file ?? '' })
					);
				} catch (error) {
					server.config.logger.warn(`content preview: cannot watch ${root}: ${error}`);
					return;
				}
				client.send(PREVIEW_EVENTS.live);
			});

			server.middlewares.use('/__clyde/preview', (_request, response, next) => {
				const here = import.meta.dirname;
				Promise.all([
					server.ssrLoadModule(resolve(here, 'compile.ts')) as Promise<CompileModule>,
					server.ssrLoadModule(resolve(here, 'load.ts')) as Promise<LoadModule>
				])
					.then(async ([{ compileContent }, { loadContent }]) => {
						const input = await loadContent(root);
						const { pathways, diagnostics } = compileContent(input);
						const files = [...input.markdown.keys()].sort();
						response.setHeader('Content-Type', 'application/json');
						response.setHeader('Cache-Control', 'no-store');
						response.end(JSON.stringify({ files, pathways, diagnostics }));
					})
					.catch(next);
			});
		}
	};
}
