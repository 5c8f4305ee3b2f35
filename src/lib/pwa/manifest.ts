import type { ManifestOptions } from 'vite-plugin-pwa';

/** The theme colour: white text on it has a contrast ratio of 7.9:1 (WCAG AAA). */
export const THEME_COLOR = '#0b5563';

export const manifest: Partial<ManifestOptions> = {
	name: 'Clyde — learn digital skills',
	short_name: 'Clyde',
	description: 'Learn digital skills at your own pace, online or offline.',
	lang: 'en-GB',
	start_url: '/',
	scope: '/',
	display: 'standalone',
	orientation: 'any',
	theme_color: THEME_COLOR,
	background_color: '#ffffff',
	icons: [
		{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
		{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
		{
			src: '/icons/icon-maskable-512.png',
			sizes: '512x512',
			type: 'image/png',
			purpose: 'maskable'
		}
	]
};
