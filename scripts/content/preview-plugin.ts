import { resolve } from 'node:path';
import type { Plugin } from 'vite';

type CompileModule = typeof import('./compile');
type LoadModule = typeof import('./load');
type SanitiserModule = typeof import('./node-sanitiser');

/** The event the preview page listens for. */
export const CONTENT_CHANGED = 'clyde:content-changed';

/**
 * Editor preview for `npm run dev` (never in a build): `GET /__clyde/preview` answers the
 * compiled content and every diagnostic, fresh from disk, and a save under content/ tells
 * the page to fetch again. CLYDE_CONTENT_DIR points it at another folder.
 *
 * The checker is loaded through Vite's own module loader when first asked for, so that
 * loading vite.config.ts (every build and test run) does not pull in jsdom and friends.
 */
export function contentPreview(root = resolve(process.env.CLYDE_CONTENT_DIR ?? 'content')): Plugin {
	return {
		name: 'clyde-content-preview',
		apply: 'serve',
		configureServer(server) {
			server.watcher.add(root);
			const notify = (path: string) => {
				if (path.startsWith(root)) {
					server.ws.send({ type: 'custom', event: CONTENT_CHANGED, data: { path } });
				}
			};
			server.watcher.on('change', notify);
			server.watcher.on('add', notify);
			server.watcher.on('unlink', notify);

			server.middlewares.use('/__clyde/preview', (_request, response, next) => {
				const here = import.meta.dirname;
				Promise.all([
					server.ssrLoadModule(resolve(here, 'compile.ts')) as Promise<CompileModule>,
					server.ssrLoadModule(resolve(here, 'load.ts')) as Promise<LoadModule>,
					server.ssrLoadModule(resolve(here, 'node-sanitiser.ts')) as Promise<SanitiserModule>
				])
					.then(async ([{ compileContent }, { loadContent }, { nodeSanitiser }]) => {
						const input = await loadContent(root);
						const { pathways, diagnostics } = compileContent(input, nodeSanitiser());
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
