import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { configDefaults, defineConfig } from 'vitest/config';
import { contentPreview } from './scripts/content/preview-plugin.ts';
import { manifest } from './src/lib/pwa/manifest.ts';
import { tutorOnlyFiles } from './scripts/pwa/tutor-only-chunks.ts';

// Files the service worker must not precache (filled once the client build is written; the
// PWA plugin reads this same array when it generates the worker, after that).
const precacheIgnores: string[] = [];

export default defineConfig({
	plugins: [
		contentPreview(),
		sveltekit(),
		{
			// Tutors work online: their pages' code stays off learners' phones (see tutor-only-chunks.ts).
			name: 'clyde-precache-without-tutor-pages',
			apply: 'build',
			writeBundle: {
				order: 'post',
				handler() {
					let files: Set<string>;
					try {
						files = tutorOnlyFiles('.svelte-kit');
					} catch {
						return; // not the client build: it has no manifest
					}
					precacheIgnores.push(...[...files].map((file) => `client/${file}`));
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
			kit: { spa: true, adapterFallback: 'index.html' },
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,webmanifest,woff2}'],
				// Any modifyURLPrefix makes @vite-pwa/sveltekit keep globPatterns as given. Otherwise
				// it adds "prerendered/**", which matches nothing in this SPA, and every build ends
				// with Workbox's warning that a pattern matched no files.
				modifyURLPrefix: {},
				globIgnores: precacheIgnores,
				navigateFallback: '/index.html',
				// PocketBase's API and admin UI share this origin: they must reach the network.
				navigateFallbackDenylist: [/^\/api\//, /^\/_\//],
				cleanupOutdatedCaches: true,
				// The first worker takes control of the open page at once, so the app works offline
				// after a single visit. Updates still wait for the learner (no skipWaiting).
				clientsClaim: true
			}
		})
	],
	build: {
		rolldownOptions: {
			// Rolldown lists the slowest plugins after every build on a busy machine: advice for
			// plugin authors that reads like an error at the end of `npm run build`.
			checks: { bundlerTimings: false }
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
