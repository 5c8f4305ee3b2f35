import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeInEveryTheme } from '../support/axe';
import { answerRightly, publishedQuiz, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { publishBundledContent } from '../support/pocketbase';

const url = inject('pbUrl');
const PATHWAY = `${url}/pathways/digital-essentials`;
const FIRST = `${PATHWAY}/getting-started/phones-tablets-and-computers`;
const PASSWORDS = `${PATHWAY}/staying-safe/strong-passwords`;
const LAST = `${PATHWAY}/services-and-rights/your-data-rights`;
const PASSWORD = 'journey-test-passphrase';
const PHONE = { width: 360, height: 740 };

/** The filled buttons and button links on screen: a learner screen has exactly one. */
function primaries(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('main a.button:not(.secondary), main button:not(.secondary)')]
			.filter((e) => e.getClientRects().length > 0)
			.map((e) => e.textContent?.trim() ?? '')
	);
}

async function signIn(page: Page, email: string) {
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel(/^Password/).fill(PASSWORD);
	await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
}

describe("the learner's journey at 360 px (real Chromium, real PocketBase)", () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium({ viewport: PHONE });
	});
	afterAll(() => browser?.close());

	it('a first visit reaches the text of lesson 1 in at most 3 taps, one primary action a screen', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await page.getByRole('heading', { level: 1, name: 'Welcome to Clyde' }).waitFor();
		await page.getByText('then study without using your data').waitFor();
		expect(await primaries(page)).toEqual(['Start Digital Essentials']);
		expect(await axeInEveryTheme(page)).toEqual({});

		let taps = 0;
		const tap = async (name: string) => {
			taps += 1;
			await page.getByRole('link', { name }).click();
		};
		await tap('Start Digital Essentials');
		await page.locator('.lesson-body h2').first().waitFor();
		expect(taps).toBeLessThanOrEqual(3);
		expect(page.url()).toBe(FIRST);
		await page.getByRole('heading', { level: 1, name: 'Phones, tablets and computers' }).waitFor();
		expect(await primaries(page)).toEqual(['Take the quiz (4 questions)']);
		expect(await axeInEveryTheme(page)).toEqual({});

		// Once started, home offers the one next step instead of the welcome.
		await page.getByRole('link', { name: 'Home' }).click();
		await page.getByRole('link', { name: 'Continue: Phones, tablets and computers' }).waitFor();
		expect(await page.getByText('Welcome to Clyde').count()).toBe(0);
		expect(await primaries(page)).toEqual(['Continue: Phones, tablets and computers']);
		expect(await axeInEveryTheme(page)).toEqual({});

		// The pathway's one next step is the same lesson; saving for offline is a quiet offer.
		await page.getByRole('link', { name: 'Digital Essentials', exact: true }).click();
		await page.getByRole('heading', { level: 1, name: 'Digital Essentials' }).waitFor();
		expect(await primaries(page)).toEqual(['Continue: Phones, tablets and computers']);
		await page.getByRole('button', { name: /^Save for offline \(less than 1 MB\)$/ }).waitFor();
		await page.close();
	});

	it('going on from the end of a lesson marks it done; the last lesson leads to what was learned', async () => {
		const page = await browser.context.newPage();
		await page.goto(LAST);
		await page.locator('.lesson-body h2').first().waitFor();
		await page.getByText('This is the last lesson of Digital Essentials.').waitFor();
		await page.getByRole('link', { name: 'Finish Digital Essentials' }).click();

		await page
			.getByRole('heading', { level: 1, name: 'You reached the end of Digital Essentials' })
			.waitFor();
		await page.getByText('Know your rights over your personal data').waitFor();
		await page.getByText('Services and your rights: 1 of 4 lessons done').waitFor();
		await page.getByRole('link', { name: 'Join a class' }).waitFor();
		await page.getByRole('link', { name: 'Web Foundations' }).waitFor();
		// Lessons were passed by on the way: going back to them comes first.
		await page.getByText(/^Finish Digital Essentials: \d+ lessons are still to do\.$/).waitFor();
		expect(await primaries(page)).toEqual([expect.stringMatching(/^Continue: /)]);
		expect(await axeInEveryTheme(page)).toEqual({});

		await page.goto(LAST);
		await page.getByRole('heading', { level: 2, name: 'Lesson done' }).waitFor();
		await page.getByText('Saved on this phone.').waitFor();
		await page.close();
	});

	it('the bottom tab bar: icon and label, 48 px targets, at most 64 px, the header when wider; content first at 320 px and 200% text', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/progress`);
		await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
		const bar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
		expect(bar && bar.y + bar.height).toBeCloseTo(PHONE.height, 0);
		expect(bar?.height).toBeLessThanOrEqual(64);
		const tabs = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
		expect((await tabs.allTextContents()).map((t) => t.trim())).toEqual([
			'Home',
			'Progress',
			'Settings',
			'Account'
		]);
		for (const box of await tabs.evaluateAll((links) =>
			links.map((l) => ({
				...l.getBoundingClientRect().toJSON(),
				icons: l.querySelectorAll('svg').length
			}))
		)) {
			expect(box.width).toBeGreaterThanOrEqual(48);
			expect(box.height).toBeGreaterThanOrEqual(48);
			expect(box.icons).toBe(1);
		}
		await expect
			.poll(() => page.getByRole('link', { name: 'Progress' }).getAttribute('aria-current'))
			.toBe('page');

		await page.setViewportSize({ width: 1024, height: 740 });
		const top = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
		expect(top?.y).toBeLessThan(20);

		await page.setViewportSize({ width: 320, height: 640 });
		await page.evaluate(() =>
			localStorage.setItem('clyde-settings', JSON.stringify({ theme: 'system', textSize: 200 }))
		);
		const screens: [string, string][] = [
			[FIRST, 'Phones, tablets and computers'],
			[`${url}/progress`, 'Your progress']
		];
		for (const [path, heading] of screens) {
			await page.goto(path);
			const title = await page.getByRole('heading', { level: 1, name: heading }).boundingBox();
			// The page's own content starts in the top fifth of the screen, under a header of one
			// line, and its title is on the first screen, above the tab bar.
			const content = await page.locator('main > :first-child').boundingBox();
			expect(content?.y).toBeLessThan(640 / 5);
			expect(title && title.y + 40).toBeLessThan(640 - 64);
			const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
			expect(nav?.height).toBeLessThanOrEqual(64);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				320
			);
		}
		await page.evaluate(() => localStorage.removeItem('clyde-settings'));
		await page.close();
	});

	it('offline, Next to a lesson not on the phone explains, and offers to save the pathway once back online', async () => {
		const fresh = await launchChromium({ viewport: PHONE });
		try {
			const page = await fresh.context.newPage();
			await page.goto(`${url}/`);
			await waitForServiceWorker(page);
			await page.getByRole('link', { name: 'Start Digital Essentials' }).click();
			await page.locator('.lesson-body h2').first().waitFor();

			const backOnline = await goOffline(fresh.context);
			await page.evaluate(() => window.dispatchEvent(new Event('offline')));
			await page.getByText('Offline', { exact: true }).waitFor();
			await page.getByRole('link', { name: 'Next: The internet and the web' }).click();
			await page.getByRole('heading', { name: 'This lesson is not on your phone yet' }).waitFor();
			await page.getByText('When you are back online it opens here by itself.').waitFor();
			expect(await axeInEveryTheme(page)).toEqual({});

			await backOnline();
			await page.locator('.lesson-body h2').first().waitFor();
			await page.getByRole('heading', { name: 'Save Digital Essentials for offline' }).waitFor();
			await page.getByRole('button', { name: /^Save for offline/ }).click();
			await page.getByText('Every lesson of Digital Essentials is now on this phone.').waitFor({
				timeout: 30_000
			});
			expect(await axeInEveryTheme(page)).toEqual({});
			// Going on marked the first lesson done, though the learner never pressed a "complete".
			await page.getByRole('link', { name: 'Progress' }).click();
			await page.getByText('You have done 1 lesson.').waitFor();
		} finally {
			await fresh.close();
		}
	});

	it('a pathway that gained a lesson says "Update available: 1 new lesson", and gets it', async () => {
		const page = await browser.context.newPage();
		await page.goto(PATHWAY);
		await page.getByRole('button', { name: /^Save for offline/ }).click();
		await page.getByText('Saved for offline').waitFor({ timeout: 30_000 });

		const content = await mkdtemp(join(tmpdir(), 'clyde-content-'));
		try {
			await cp(resolve(import.meta.dirname, '../../content'), content, { recursive: true });
			const module = join(content, '01-digital-essentials/04-services-and-rights');
			const lesson = await readFile(join(module, '03-your-data.md'), 'utf8');
			await writeFile(
				join(module, '05-your-data-abroad.md'),
				lesson
					.replace('id: de-your-data', 'id: de-your-data-abroad')
					.replace('title: Your data', 'title: Your data abroad')
			);
			await publishBundledContent(url, content);

			await page.reload();
			await page.getByText('Update available: 1 new lesson').waitFor();
			expect(await page.getByText(/not finished/).count()).toBe(0);
			expect(await axeInEveryTheme(page)).toEqual({});
			await page.getByRole('button', { name: 'Get the update' }).click();
			await page.getByText('Saved for offline').waitFor({ timeout: 30_000 });
			await page.getByRole('link', { name: 'Your data abroad', exact: true }).waitFor();
		} finally {
			// Put the curriculum back as the other tests know it (the extra lesson is unpublished).
			await publishBundledContent(url);
			await rm(content, { recursive: true, force: true });
			await page.close();
		}
	});
});

describe('done for the learner is done for the tutor (real Chromium, real PocketBase)', () => {
	let learnerBrowser: LaunchedBrowser;
	let tutorBrowser: LaunchedBrowser;
	const suffix = Date.now().toString(36);
	const learnerEmail = `journey-${suffix}@example.org`;
	const learnerName = `Eilidh ${suffix}`;
	let cohort = { id: '', join_code: '' };

	beforeAll(async () => {
		const admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		const tutorEmail = `journey-tutor-${suffix}@example.org`;
		for (const [email, role, name] of [
			[tutorEmail, 'tutor', 'Morag Tutor'],
			[learnerEmail, 'learner', learnerName]
		] as const) {
			await admin
				.collection('users')
				.create({ email, role, name, password: PASSWORD, passwordConfirm: PASSWORD });
		}
		const tutor = new PocketBase(url);
		const auth = await tutor.collection('users').authWithPassword(tutorEmail, PASSWORD);
		cohort = await tutor.collection('cohorts').create({
			name: `Thursday class ${suffix}`,
			pathway: 'digital-essentials',
			tutor: auth.record.id
		});
		learnerBrowser = await launchChromium({ viewport: PHONE });
		tutorBrowser = await launchChromium({ viewport: { width: 1280, height: 800 } });
	});
	afterAll(async () => {
		await learnerBrowser?.close();
		await tutorBrowser?.close();
	});

	it('a join link names the class and tutor first; a passed quiz alone is done on the progress screen and on the tutor’s grid; leaving asks', async () => {
		const page = await learnerBrowser.context.newPage();
		// The link from the tutor's screen: signing in first, then back to join.
		await page.goto(`${url}/join?code=${cohort.join_code}`);
		await page.getByRole('link', { name: 'Sign in to join' }).waitFor();
		expect(await primaries(page)).toEqual(['Sign in to join']);
		await page.getByRole('link', { name: 'Sign in to join' }).click();
		await page.getByText('To join your class, sign in or create an account first.').waitFor();
		await signIn(page, learnerEmail);
		await page.getByRole('heading', { level: 2, name: `Thursday class ${suffix}` }).waitFor();
		await page.getByText('Morag Tutor').waitFor();
		await page
			.getByText(
				/your tutor will see your name, your email address and your progress on Digital Essentials/
			)
			.waitFor();
		expect(await primaries(page)).toEqual([`Join Thursday class ${suffix}`]);
		expect(await axeInEveryTheme(page)).toEqual({});
		await page.getByRole('button', { name: `Join Thursday class ${suffix}` }).click();
		await page.getByText(`You joined Thursday class ${suffix}.`).waitFor();

		// The quiz, passed, and nothing else pressed.
		const quiz = await publishedQuiz(url, 'de-strong-passwords');
		await page.goto(PASSWORDS);
		await page.getByRole('link', { name: /^Take the quiz/ }).click();
		await page.getByRole('button', { name: 'Check answer' }).waitFor();
		for (const question of quiz.questions) await answerRightly(page, question);
		await page.getByText('You passed.').waitFor();
		expect(await primaries(page)).toEqual(['Next lesson: Two-step sign-in']);
		await page.getByRole('button', { name: 'Try again' }).waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});

		await page.getByRole('link', { name: 'Progress' }).click();
		await page.getByText('You have done 1 lesson and passed 1 quiz.').waitFor();
		await page.getByText('1 of 15 lessons done').waitFor();
		await page.getByRole('link', { name: 'Digital Essentials', exact: true }).click();
		const item = page.getByRole('listitem').filter({ hasText: 'Strong passwords' });
		await expect.poll(() => item.textContent()).toMatch(/Done/);

		// The tutor's grid: the same lesson, done (by its quiz), once the phone has sent it.
		const tutor = await tutorBrowser.context.newPage();
		await tutor.goto(`${url}/account`);
		await tutor.getByLabel('Email address').fill(`journey-tutor-${suffix}@example.org`);
		await tutor.getByLabel(/^Password/).fill(PASSWORD);
		await tutor.locator('form').getByRole('button', { name: 'Sign in' }).click();
		await tutor.getByText(/Signed in as/).waitFor();
		await tutor.goto(`${url}/tutor/${cohort.id}`);
		const row = tutor.getByRole('row', { name: new RegExp(learnerName) });
		await expect
			.poll(() => row.locator('td.cell.quiz_passed').count(), { timeout: 20_000 })
			.toBe(1);
		await tutor.getByRole('link', { name: learnerName }).click();
		await tutor.getByRole('heading', { name: '1 of 15 lessons done' }).waitFor();
		await tutor.getByText('Strong passwords: Quiz passed').waitFor({ state: 'attached' });

		// Leaving asks first, and "Stay" keeps the class.
		await page.getByRole('link', { name: 'Account' }).click();
		await page.getByRole('button', { name: `Leave Thursday class ${suffix}` }).click();
		await page.getByText(/Your tutor will no longer see your progress/).waitFor();
		expect(await axeInEveryTheme(page)).toEqual({});
		await page.getByRole('button', { name: 'Stay in the class' }).click();
		await page.getByRole('button', { name: `Leave Thursday class ${suffix}` }).click();
		await page.getByRole('button', { name: 'Leave the class' }).click();
		await page.getByText(`You left Thursday class ${suffix}.`).waitFor();
	});
});

describe('a weekly goal and a week streak, from the phone alone (real Chromium)', () => {
	let phone: LaunchedBrowser;
	beforeAll(async () => {
		phone = await launchChromium({ viewport: PHONE, timezoneId: 'Europe/London' });
	});
	afterAll(() => phone?.close());

	it('counts weeks where the learner lives, carries a run through a rest week, and welcomes back without blame, offline', async () => {
		const page = await phone.context.newPage();
		const clock = (iso: string) => phone.context.clock.setFixedTime(new Date(iso));
		const thisWeek = page.getByRole('region', { name: 'This week' });
		const home = async () => {
			await page.goto(`${url}/`);
			await thisWeek.waitFor();
			return (await thisWeek.textContent()) ?? '';
		};
		const goOnFrom = async (lesson: string, next: string) => {
			await page.goto(lesson);
			await page.locator('.lesson-body h2').first().waitFor();
			await page.getByRole('link', { name: `Next: ${next}` }).click();
			await page.getByRole('heading', { level: 1, name: next }).waitFor();
		};

		await clock('2026-04-07T17:00:00Z'); // Tuesday, week of Monday 6 April
		await page.goto(`${url}/settings`);
		await page.getByLabel('1 lesson a week').check();
		await goOnFrom(FIRST, 'The internet and the web');
		expect(await home()).toMatch(/Goal reached: 1 lesson done this week\.\s*1 week in a row/);

		// 00:30 on Monday 13 April in Glasgow (summer time) is still Sunday in UTC: a new week here.
		await clock('2026-04-12T23:30:00Z');
		await goOnFrom(`${PATHWAY}/getting-started/the-internet-and-the-web`, 'Browsers and searching');
		await clock('2026-04-15T09:00:00Z');
		expect(await home()).toMatch(/2 weeks in a row/);
		expect(await thisWeek.textContent()).toMatch(/rest week saved/);
		expect(await axeInEveryTheme(page)).toEqual({});

		// Nothing in the week of 20 April: the saved rest week covers it.
		await clock('2026-04-28T09:00:00Z');
		const rested = await home();
		expect(rested).toMatch(/2 weeks in a row/);
		expect(rested).toMatch(/Last week was a rest week/);

		// Weeks later, with no network: welcomed back, and not a word about what was lost.
		await waitForServiceWorker(page);
		const backOnline = await goOffline(phone.context);
		await clock('2026-05-19T09:00:00Z');
		const back = await home();
		expect(back).toMatch(/Welcome back!/);
		expect(back).not.toMatch(/broke|lost|missed|fail/i);
		expect(await axeInEveryTheme(page)).toEqual({});
		await backOnline();

		// Turned off in Settings, the card goes.
		await page.goto(`${url}/settings`);
		await page.getByLabel('Off: no weekly goal').check();
		await page.goto(`${url}/`);
		await page.getByRole('link', { name: /^Continue:/ }).waitFor();
		expect(await thisWeek.count()).toBe(0);
	});
});
