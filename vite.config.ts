import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { configDefaults, defineConfig } from 'vitest/config';
import { messageValues } from './scripts/build/message-values.ts';
import { exerciseRunner } from './scripts/build/runner-page.ts';
import { svgContractModule } from './scripts/build/svg-contract-module.ts';
import { contentPreview } from './scripts/content/preview-plugin.ts';
import { manifest } from './src/lib/pwa/manifest.ts';
import { editorFiles, isScreenChunk } from './scripts/pwa/editor-chunks.ts';
import { routeOnlyFiles } from './scripts/pwa/route-only-files.ts';

// Files the service worker must not precache (filled once the client build is written; the
// PWA plugin reads this same array when it generates the worker, after that).
const precacheIgnores: string[] = [];

// Pages whose code stays out of the precache, so out of a learner's first visit (see
// route-only-files.ts). Tutors and content editors work online (the editor's CodeMirror and
// checker are large); the editor preview only works under `npm run dev`.
const TUTOR_PAGES = /routes\/(tutor|preview|editor)\//;
// The badge and /verify come after a pathway is done and the badge is claimed online: their
// code is kept by the worker's code cache when first fetched online (`runtimeCaching` below),
// and the pathway's last screen fetches it ahead (complete/+page.svelte), so they work offline
// from then on. Joining a class (/join) needs the server: offline, its screen could only say
// so, and the error page says as much: open it with a connection (src/hooks.client.ts).
const LATER_PAGES = /routes\/(verify|join|pathways\/\[pathway\]\/badge)\//;

export default defineConfig({
	plugins: [
		messageValues(),
		contentPreview(),
		svgContractModule(),
		sveltekit(),
		exerciseRunner(),
		{
			name: 'clyde-precache-without-later-pages',
			apply: 'build',
			writeBundle: {
				order: 'post',
				handler() {
					let notPrecached: Set<string>;
					try {
						notPrecached = routeOnlyFiles(
							'.svelte-kit',
							new RegExp(`${TUTOR_PAGES.source}|${LATER_PAGES.source}`),
							(chunk) => isScreenChunk(chunk.name ?? '')
						);
					} catch {
						return; // not the client build: it has no manifest
					}
					precacheIgnores.push(...[...notPrecached].map((file) => `client/${file}`));
					// The exercise editor comes with a pathway that has exercises, not with a first visit.
					precacheIgnores.push(...[...editorFiles('.svelte-kit')].map((file) => `client/${file}`));
				}
			}
		},
		SvelteKitPWA({
			strategies: 'generateSW',
			// We register the worker ourselves with workbox-window (src/lib/pwa/register.ts), so
			// that the "new version ready" prompt is ours and never reloads under a learner.
			injectRegister: false,
			registerType: 'prompt',
			manifest,
			includeManifestIcons: false,
			kit: { spa: true, adapterFallback: 'index.html' },
			workbox: {
				// No PNGs: the icons (42 KB, a fifth of a first visit) are for installing, which the
				// browser does online with its own requests; offline only the tab's icon is missing.
				// runner.html is where exercises run (1.5 KB gzip), precached so that they work offline.
				// @vite-pwa/sveltekit lists it as "/runner" (as it would a prerendered page), which the
				// server answers with runner.html (pb_hooks/lib/static-files.js).
				globPatterns: ['client/**/*.{js,css,svg,webmanifest,woff2}', 'client/runner.html'],
				// Any modifyURLPrefix makes @vite-pwa/sveltekit keep globPatterns as given. Otherwise
				// it adds "prerendered/**", which matches nothing in this SPA, and every build ends
				// with Workbox's warning that a pattern matched no files.
				modifyURLPrefix: {},
				globIgnores: precacheIgnores,
				// Hashed files are versioned by their URL: precached without a revision, they are
				// fetched with the default cache mode, so the copies the page has just downloaded
				// (a year's Cache-Control, pb_hooks/lib/static-files.js) come from the HTTP cache
				// instead of crossing the network again. (@vite-pwa/sveltekit's default, said here
				// because the server's caching relies on it; matched against `client/_app/…`.)
				dontCacheBustURLsMatching: /\/_app\/immutable\//,
				navigateFallback: '/index.html',
				// PocketBase's API and admin UI share this origin: they must reach the network.
				navigateFallbackDenylist: [/^\/api\//, /^\/_\//],
				cleanupOutdatedCaches: true,
				// The first worker takes control of the open page at once, so the app works offline
				// after a single visit. Updates still wait for the learner (no skipWaiting).
				clientsClaim: true,
				// Code left out of the precache (the exercise editor, the badge and /verify, tutors'
				// pages) is kept once fetched, so an editor fetched with a pathway's download, or a
				// badge screen fetched when the pathway was finished, works offline. Hashed
				// files never change; old ones go when the cache is full.
				runtimeCaching: [
					{
						urlPattern: /\/_app\/immutable\/.+\.(?:js|css)$/,
						handler: 'CacheFirst',
						options: { cacheName: 'clyde-code', expiration: { maxEntries: 40 } }
					}
				],
				// Workbox's runtime inside sw.js rather than a file of its own: one request less.
				inlineWorkboxRuntime: true
			}
		})
	],
	resolve: {
		alias: [
			// Dexie's ES module build, not its default UMD one behind an ES wrapper (which exists
			// for apps that load Dexie through both require and import; Clyde only imports it):
			// 1.3 KB gzip smaller, and no CommonJS helper file of its own to fetch.
			{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }
		]
	},
	build: {
		rolldownOptions: {
			// Rolldown lists the slowest plugins after every build on a busy machine: advice for
			// plugin authors that reads like an error at the end of `npm run build`.
			checks: { bundlerTimings: false },
			output: {
				// Fewer, larger files: every response costs about 1 KB of headers on a phone's data
				// (docs/benchmarks.md), and the automatic split left a dozen files under 500 bytes.
				codeSplitting: {
					groups: [
						{
							// Svelte, SvelteKit and the bundler's helpers (virtual modules, \0…): every screen's.
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|clsx)[\\/]|^\0|[\\/]\.svelte-kit[\\/]generated[\\/](root\.svelte|shared[\\/])/,
							priority: 2
						},
						{
							// What the root layout itself runs (its words, settings, network and
							// install state, the worker's registration, idle scheduling, whether the
							// lesson text read early on a cold open is on show, and where focus goes when
							// the lesson screen takes over from it): one chunk of
							// its own. Grouped with the rest of the app, a small shared module could be
							// merged into a chunk of the data layer, and the layout's import of it put
							// Dexie on every first paint's path (docs/benchmarks.md, critical JS).
							name: 'shell',
							test: /[\\/]src[\\/]lib[\\/](i18n|settings|network|pwa|scheduling)[\\/]|[\\/]src[\\/]lib[\\/]first-text[\\/](first-text\.svelte|hand-over-focus)\.ts$|[\\/]src[\\/]lib[\\/]catalog[\\/]find\.ts$|[\\/]src[\\/]lib[\\/]progress[\\/](weekly-goal|week)\.ts$/,
							priority: 1
						},
						{
							// A downloaded lesson's text as a cold open shows it before the data layer
							// (+layout.svelte): grouped with the lesson screen's, a module of it could be
							// merged into AppRoot's chunk and bring the whole data layer before the text.
							// With it, the read and the record of the open (first-text/) and what they
							// share with record-event.ts: its stamp and uuid.
							name: 'lesson-text',
							test: /node_modules[\\/]uuid[\\/]|[\\/]src[\\/]lib[\\/](first-text[\\/](?!first-text\.svelte|hand-over-focus)|progress[\\/](stamp-event|catalog-exercises)\.ts$)|[\\/]src[\\/](lib[\\/](components[\\/]LessonHtml\.svelte|pictures[\\/](Picture\.svelte|lesson-parts\.ts|inline-picture\.ts))|routes[\\/]pathways[\\/]\[pathway\][\\/]\[module\][\\/]\[lesson\][\\/](FirstText|ReadAloud)\.svelte|routes[\\/]pathways[\\/]\[pathway\][\\/]\[module\][\\/]\[lesson\][\\/]speakable-text\.ts)$/,
							priority: 1
						},
						{
							// What the early text shares with home's first paint (a lesson's state and summary,
							// the lesson's language, the download's state, storage full): a chunk of its own,
							// or home's critical path would carry the whole early-text chunk (7 KB gzip). Taken first
							// (priority): the early text's group would otherwise take them as its dependencies.
							name: 'lesson-state',
							test: /[\\/]src[\\/]lib[\\/](progress[\\/](lesson-summary|lesson-state)|content[\\/](lesson-language|localise-catalog)|db[\\/]storage-full|offline[\\/]download-state)\.ts$/,
							priority: 2
						},
						{
							// The app's own modules, grouped by the screens that use them; a group too
							// small to be worth a request joins its nearest neighbour. Not the content
							// editor's: a learner's small group (Settings' language follow-up) once
							// joined the editor's client, and the editor's imports (marked, zod,
							// DOMPurify: 80 KB gzip) were then precached for every learner.
							name: 'lib',
							test: /[\\/]src[\\/](lib[\\/](?!editor[\\/])|routes[\\/]AppRoot\.svelte)/,
							entriesAware: true,
							entriesAwareMergeThreshold: 4096
						}
					]
				}
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
					exclude: [...configDefaults.exclude, 'src/**/*.svelte.spec.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					include: ['src/**/*.svelte.spec.ts'],
					setupFiles: ['tests/setup/component.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/setup/pocketbase-global.ts'],
					// The files share one server, and a content publish is a whole set: one at a time.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					environment: 'node',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/setup/browser-global.ts', 'tests/setup/pocketbase-global.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// One Chromium at a time: the machines have two cores.
					fileParallelism: false
				}
			}
		]
	}
});
