import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { THEME_COLOR } from '../src/lib/pwa/manifest';
import { launchChromium } from './browser/chromium';
import { ROOT } from './config';
import { runMain } from './user-error';

/**
 * Renders the app icons (static/icons/*.png) from one SVG drawing with headless Chromium, so
 * they can be redrawn without an image editor. The PNGs are committed; run `npm run icons`
 * after changing the drawing.
 */
function drawing(maskable: boolean): string {
	// A maskable icon is cropped to a circle of 80% of its size by some launchers: draw the
	// mark smaller and let the background fill the whole square.
	const scale = maskable ? 0.62 : 0.8;
	const offset = (1 - scale) / 2;
	const radius = maskable ? 0 : 96;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
	<rect width="512" height="512" rx="${radius}" fill="${THEME_COLOR}"/>
	<g transform="translate(${512 * offset} ${512 * offset}) scale(${scale})">
		<path d="M352 150a150 150 0 1 0 0 212" fill="none" stroke="#fff" stroke-width="64" stroke-linecap="round"/>
		<path d="M150 372c40-28 80-28 120 0s80 28 120 0" fill="none" stroke="#7fd6c2" stroke-width="28" stroke-linecap="round"/>
	</g>
</svg>`;
}

async function main(): Promise<void> {
	const outDir = resolve(ROOT, 'static/icons');
	await mkdir(outDir, { recursive: true });
	const browser = await launchChromium();
	try {
		const page = await browser.context.newPage();
		const targets = [
			{ file: 'icon-192.png', size: 192, maskable: false },
			{ file: 'icon-512.png', size: 512, maskable: false },
			{ file: 'icon-maskable-512.png', size: 512, maskable: true },
			{ file: 'apple-touch-icon.png', size: 180, maskable: true }
		];
		for (const { file, size, maskable } of targets) {
			await page.setViewportSize({ width: size, height: size });
			await page.setContent(
				`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${drawing(maskable)}`
			);
			await page.screenshot({ path: resolve(outDir, file), omitBackground: true });
			console.log(`wrote static/icons/${file}`);
		}
	} finally {
		await browser.close();
	}
}

runMain(main);
