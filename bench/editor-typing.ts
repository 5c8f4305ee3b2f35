import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import PocketBase from 'pocketbase';
import { launchChromium } from '../scripts/browser/chromium';
import { ROOT } from '../scripts/config';
import { loadContent } from '../scripts/content/load';
import { signIn } from '../tests/support/sign-in';
import { TEST_ADMIN } from '../tests/support/pocketbase';
import type { Benchmark } from './benchmark';
import { median } from './stats';

const RATE = 4;
const KEYSTROKES = 20;
const PASSWORD = 'bench-editor-passphrase';

/**
 * Check as you type in the browser editor (/editor): from a key going down to the checker's
 * messages on screen, on the longest lesson, at 4× CPU (Emulation.setCPUThrottlingRate),
 * 1280 × 900. Each keystroke breaks or mends the lesson's frontmatter (an "x" before its
 * first line, then Backspace), so that every one changes what the list of checks says.
 */
export const editorTyping: Benchmark = {
	id: 'editor-typing',
	title: 'Check as you type in the browser editor',
	async run({ url, runs }) {
		const input = await loadContent(resolve(ROOT, 'content'));
		const [file, text] = [...input.markdown]
			.filter(([p]) => !/(pathway|module)\.md$/.test(p))
			.sort((a, b) => b[1].length - a[1].length)[0] as [string, string];
		const admin = new PocketBase(url);
		await admin.admins.authWithPassword(TEST_ADMIN.email, TEST_ADMIN.password);
		const email = `bench-editor-${Date.now().toString(36)}@example.org`;
		await admin.collection('users').create({
			email,
			role: 'editor',
			name: 'Bench',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		const latencies: number[] = [];
		for (let run = 0; run < runs; run++) {
			const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
			try {
				const page = await browser.context.newPage();
				await signIn(page, url, email, PASSWORD);
				await page.goto(`${url}/editor?file=${encodeURIComponent(file)}`);
				await page.locator('.problems [role=status]').waitFor();
				const cdp = await browser.context.newCDPSession(page);
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
				// Each key down to the next change of the checks' summary, timed in the page.
				await page.evaluate(() => {
					const times: number[] = [];
					let down = 0;
					document.addEventListener('keydown', () => (down = performance.now()), true);
					const status = document.querySelector('.problems [role=status]') as Element;
					new MutationObserver(() => {
						if (down) times.push(performance.now() - down);
						down = 0;
					}).observe(status, { childList: true, subtree: true, characterData: true });
					(window as unknown as { typingTimes: number[] }).typingTimes = times;
				});
				await page.locator('.cm-content').click();
				// The start of the file: an "x" before its first "---" breaks the frontmatter.
				await page.keyboard.press('Control+Home');
				for (let i = 0; i < KEYSTROKES; i++) {
					await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
					await page.waitForFunction(
						(n) => (window as unknown as { typingTimes: number[] }).typingTimes.length >= n,
						i + 1
					);
				}
				latencies.push(
					...(await page.evaluate(
						() => (window as unknown as { typingTimes: number[] }).typingTimes
					))
				);
				// Leave the draft as it was: the last keystroke mended the line.
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
			} finally {
				await browser.close();
			}
		}
		const sorted = [...latencies].sort((a, b) => a - b);
		const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
		return {
			headers: ['what', 'median', '90th percentile'],
			rows: [
				[
					`key down → checks shown, ${file} (${text.length} characters), ${RATE}× CPU, ${latencies.length} keystrokes`,
					`${median(latencies).toFixed(0)} ms`,
					`${p90.toFixed(0)} ms`
				]
			],
			notes: `Load average at the end: ${loadavg()
				.map((l) => l.toFixed(2))
				.join(', ')} (2 cores shared).`
		};
	}
};
