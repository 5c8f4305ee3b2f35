import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { publishBundledContent, startTestServer } from '../tests/support/pocketbase';
import { launchChromium } from './browser/chromium';
import { ROOT } from './config';
import { runMain } from './user-error';

/**
 * Screenshots of lesson pictures as learners see them, for docs/screens/: a lesson with two
 * pictures at 360 px in the light, dark and high-contrast themes, and the same lesson and its
 * pathway in low-data mode. Starts its own PocketBase on the built app (`npm run build` first)
 * with the bundled curriculum:
 *
 *   npx tsx scripts/screens-pictures.ts [out]
 */

const LESSON = '/pathways/digital-essentials/getting-started/phones-tablets-and-computers';

interface Shot {
	name: string;
	settings: { theme: string; lowData?: boolean };
	open(page: Page, url: string): Promise<void>;
}

const lesson = async (page: Page, url: string) => {
	await page.goto(`${url}${LESSON}`);
	await page.getByRole('heading', { level: 1, name: 'Phones, tablets and computers' }).waitFor();
};
const withPictures = async (page: Page, url: string) => {
	await lesson(page, url);
	await page.locator('figure.picture svg').nth(1).waitFor();
};
const asked = async (page: Page, url: string) => {
	await lesson(page, url);
	await page
		.getByRole('button', { name: /^Show picture/ })
		.nth(1)
		.waitFor();
};

const SHOTS: Shot[] = [
	...['light', 'dark', 'contrast'].map((theme) => ({
		name: `lesson-pictures-360-${theme}`,
		settings: { theme },
		open: withPictures
	})),
	...['light', 'dark'].map((theme) => ({
		name: `lesson-pictures-low-data-360-${theme}`,
		settings: { theme, lowData: true },
		open: asked
	})),
	{
		name: 'pathway-low-data-360-light',
		settings: { theme: 'light', lowData: true },
		async open(page, url) {
			await page.goto(`${url}/pathways/digital-essentials`);
			await page.getByText('Low-data mode is on').waitFor();
		}
	}
];

async function main(): Promise<void> {
	const out = resolve(process.argv[2] ?? join(ROOT, 'docs/screens'));
	await mkdir(out, { recursive: true });
	const server = await startTestServer();
	const browser = await launchChromium({ viewport: { width: 360, height: 800 } });
	try {
		await publishBundledContent(server.url);
		const page = await browser.context.newPage();
		await page.goto(`${server.url}/`);
		for (const shot of SHOTS) {
			await page.evaluate(
				(settings) => localStorage.setItem('clyde-settings', JSON.stringify(settings)),
				{ textSize: 100, ...shot.settings }
			);
			await shot.open(page, server.url);
			await page.waitForLoadState('networkidle');
			const file = join(out, `${shot.name}.png`);
			await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
			console.log(file);
		}
	} finally {
		await browser.close();
		await server.destroy();
	}
}

runMain(main);
