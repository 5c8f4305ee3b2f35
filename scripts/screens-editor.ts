import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { callRoute } from '../tests/support/call-route';
import { publishBundledContent, startTestServer, TEST_ADMIN } from '../tests/support/pocketbase';
import { signIn } from '../tests/support/sign-in';
import { launchChromium } from './browser/chromium';
import { ROOT } from './config';
import { runMain } from './user-error';

const FILE = '01-digital-essentials/02-staying-safe/02-strong-passwords.md';
const PASSWORD = 'screens-editor-passphrase';
const SIZES = [
	{ width: 1280, themes: ['light', 'dark'] },
	{ width: 768, themes: ['light', 'dark'] },
	{ width: 360, themes: ['light'] }
];

/**
 * Screenshots of the content editor for docs/screens/ (`editor-<width>-<theme>.png`): a lesson
 * open with one planted mistake (its minutes in words), on a server of its own with the
 * bundled content published. `npx tsx scripts/screens-editor.ts [out]`, after `npm run build`.
 */
async function main(): Promise<void> {
	const out = resolve(process.argv[2] ?? join(ROOT, 'docs/screens'));
	await mkdir(out, { recursive: true });
	const server = await startTestServer();
	try {
		await publishBundledContent(server.url);
		const admin = new PocketBase(server.url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const email = 'screens-editor@example.org';
		await admin.collection('users').create({
			email,
			role: 'editor',
			name: 'Eilidh',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		const lesson = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('file = {:file}', { file: FILE }));
		await callRoute(server.url, admin.authStore.token, 'POST', '/api/clyde/drafts/save', {
			file: FILE,
			text: `${lesson.head}${lesson.source}`.replace(/^minutes: \d+$/m, 'minutes: ten'),
			baseVersion: 0
		});
		for (const { width, themes } of SIZES) {
			const browser = await launchChromium({ viewport: { width, height: 900 } });
			try {
				const page = await browser.context.newPage();
				await signIn(page, server.url, email, PASSWORD);
				for (const theme of themes) {
					await page.goto(`${server.url}/`);
					await page.evaluate(
						(t) =>
							localStorage.setItem('clyde-settings', JSON.stringify({ textSize: 100, theme: t })),
						theme
					);
					await page.goto(`${server.url}/editor?file=${encodeURIComponent(FILE)}`);
					await page.getByRole('button', { name: /^Error, line/ }).waitFor();
					await page.waitForLoadState('networkidle');
					const file = join(out, `editor-${width}-${theme}.png`);
					await page.screenshot({ path: file, animations: 'disabled' });
					console.log(file);
				}
			} finally {
				await browser.close();
			}
		}
	} finally {
		await server.destroy();
	}
}

runMain(main);
