import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';
import { allowed, untranslated } from '../support/untranslated';
import { pushPathwayDone } from '../support/pathway-done';

const url = inject('pbUrl');
const LESSON = '/pathways/digital-essentials/staying-safe/strong-passwords';
const FIRST_LESSON = '/pathways/digital-essentials/getting-started/phones-tablets-and-computers';
const EXERCISE = '/pathways/web-foundations/html/your-first-web-page/exercise/first-heading';

/** Every learner screen, by path (the editor and its preview are not translated yet). */
const SCREENS: [name: string, path: string][] = [
	['home', '/'],
	['pathway', '/pathways/digital-essentials'],
	['module', '/pathways/digital-essentials/staying-safe'],
	['lesson', LESSON],
	['quiz', `${LESSON}/quiz`],
	['exercise', EXERCISE],
	['pathway-complete', '/pathways/digital-essentials/complete'],
	['badge', '/pathways/digital-essentials/badge'],
	['progress', '/progress'],
	['skills', '/progress/skills'],
	['settings', '/settings'],
	['account', '/account'],
	['join', '/join?code=ABCD2345'],
	['verify', '/verify'],
	['page-not-found', '/no/such/page']
];

async function open(page: Page, path: string) {
	await page.goto(`${url}${path}`);
	await page.locator('main h1').first().waitFor();
	// The exercise's editor is a chunk of its own, drawn after the heading.
	if (path === EXERCISE) await page.locator('.cm-content').first().waitFor();
	// Let live queries settle (progress bars, download state) before judging the page.
	await page.waitForLoadState('networkidle');
}

/**
 * A screenshot with the window as tall as the page, so the fixed tab bar sits at its foot rather
 * than over the middle of a long screen (the exercise's keys, a revoked badge's verdict).
 */
async function shootWhole(page: Page, path: string) {
	const { width, height } = page.viewportSize() ?? { width: 360, height: 800 };
	const whole = await page.evaluate(() => document.documentElement.scrollHeight);
	await page.setViewportSize({ width, height: Math.max(height, whole) });
	await page.screenshot({ path, animations: 'disabled' });
	await page.setViewportSize({ width, height });
}

/** The quiz on screen answered up to its result, so its feedback and result are walked too. */
async function walkQuiz(page: Page, check: () => Promise<void>) {
	await open(page, `${LESSON}/quiz`);
	const form = page.locator('main form');
	const submit = form.locator('button[type="submit"]');
	const next = form.locator('button[type="button"]');
	await submit.click(); // nothing chosen yet: the missing-answer message, for most questions
	await check();
	for (let step = 0; step < 40 && !(await page.locator('main section.result').count()); step++) {
		if (await submit.count()) {
			if (await form.getByRole('radio').count()) await form.getByRole('radio').first().check();
			else if (await form.getByRole('checkbox').count())
				await form.getByRole('checkbox').first().check();
			else if (await form.getByRole('textbox').count()) await form.getByRole('textbox').fill('x');
			await submit.click();
			await next.last().waitFor();
			await check();
		} else {
			await next.last().click();
			// The next question, or the result once the score is saved.
			await page.locator('main form button[type="submit"], main section.result').first().waitFor();
		}
	}
	await page.locator('main section.result').waitFor();
	await check();
}

/**
 * The exercise checked as it starts (two checks fail), every hint shown, the solution shown
 * and the start-again dialog open, so every state of the screen is walked.
 */
async function walkExercise(page: Page, check: () => Promise<void>) {
	await open(page, EXERCISE);
	const main = page.locator('main');
	const actions = main.locator('.actions').first().locator('button');
	await actions.first().click();
	await main.locator('ul.failed li').first().waitFor();
	await check();
	for (let shown = 0; shown < 5 && (await main.locator('.hints > button').count()); shown++) {
		await main.locator('.hints > button').click();
	}
	await main.locator('.solution button').click();
	await main.locator('.solution pre').first().waitFor();
	await check();
	await actions.last().click();
	await page.locator('dialog[open]').waitFor();
	await check();
	await page.locator('dialog[open] button.secondary').click();
}

describe('the pseudo-locale finds every word not in the messages', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	const problems = new Map<string, string[]>();
	const collect = (where: string) => async () => {
		const found = (await untranslated(page)).filter((text) => !allowed(text));
		if (found.length) problems.set(where, [...(problems.get(where) ?? []), ...found]);
	};

	beforeAll(async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 800 } });
		page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await page.evaluate(() => localStorage.setItem('clyde-locale', 'en-XA'));
	});
	afterAll(() => browser?.close());

	it.each(SCREENS)('%s has no hard-coded English', async (name, path) => {
		await open(page, path);
		await collect(name)();
		expect(problems.get(name) ?? []).toEqual([]);
	});

	it('the quiz, as it is answered, has none either', async () => {
		await walkQuiz(page, collect('quiz answered'));
		expect(problems.get('quiz answered') ?? []).toEqual([]);
	});

	it('the exercise, checked, with its hints, solution and start-again dialog, has none either', async () => {
		await walkExercise(page, collect('exercise checked'));
		expect(problems.get('exercise checked') ?? []).toEqual([]);
	});
});

/** One language as a phone set to it sees Clyde: every screen, then screenshots for docs/. */
function walkLanguage(locale: 'ar' | 'ur' | 'pl', dir: 'rtl' | 'ltr') {
	describe(`a phone set to ${locale}, 360 px`, () => {
		let browser: LaunchedBrowser;
		let page: Page;
		beforeAll(async () => {
			browser = await launchChromium({ viewport: { width: 360, height: 800 }, locale });
			page = await browser.context.newPage();
			// A lesson done first, so the screens show progress as well as their empty state.
			await open(page, FIRST_LESSON);
			await page.locator('a.button[rel="next"]').first().click();
			await page.waitForURL((u) => !u.pathname.endsWith('phones-tablets-and-computers'));
			await mkdir(`docs/screens/${locale}`, { recursive: true });
		});
		afterAll(() => browser?.close());

		it.each(SCREENS)(
			`%s: <html lang="${locale}" dir="${dir}">, no sideways scroll, axe-clean`,
			async (name, path) => {
				await open(page, path);
				const root = await page.evaluate(() => ({
					lang: document.documentElement.lang,
					dir: document.documentElement.dir,
					overflow: document.documentElement.scrollWidth - window.innerWidth
				}));
				expect(root).toEqual({ lang: locale, dir, overflow: 0 });
				expect(await axeViolations(page)).toEqual([]);
				if (locale === 'ur') return;
				const file = `docs/screens/${locale}/${name}-360-light.png`;
				// Long screens added since the first screenshots are taken whole (shootWhole).
				if (name === 'exercise') await shootWhole(page, file);
				else await page.screenshot({ path: file, fullPage: true });
			}
		);

		it('the exercise, checked, with its hints, solution and dialog: no sideways scroll, axe-clean', async () => {
			await walkExercise(page, async () => {
				expect(
					await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
				).toBe(0);
				expect(await axeViolations(page)).toEqual([]);
			});
			if (locale !== 'ur')
				await shootWhole(page, `docs/screens/${locale}/exercise-checked-360-light.png`);
		});

		if (dir === 'rtl')
			it('code stays left to right on a mirrored exercise screen', async () => {
				await open(page, EXERCISE);
				const directions = await page.evaluate(() => {
					const of = (selector: string) => {
						const element = document.querySelector(selector);
						return element ? getComputedStyle(element).direction : 'missing';
					};
					return {
						screen: of('main .help'),
						tabs: of('[role=tablist]'),
						code: of('.cm-content'),
						keys: of('[role=toolbar]')
					};
				});
				expect(directions).toEqual({ screen: 'rtl', tabs: 'ltr', code: 'ltr', keys: 'ltr' });
			});

		if (dir === 'rtl')
			it('mirrors: the brand starts on the right, the text runs from the right', async () => {
				await open(page, '/');
				const layout = await page.evaluate(() => {
					const brand = document.querySelector('.brand')?.getBoundingClientRect();
					return {
						brandRight: brand ? window.innerWidth - brand.right : -1,
						align: getComputedStyle(document.querySelector('main') as Element).direction
					};
				});
				expect(layout.brandRight).toBeLessThan(40);
				expect(layout.align).toBe('rtl');
			});
	});
}

walkLanguage('ar', 'rtl');
walkLanguage('ur', 'rtl');
walkLanguage('pl', 'ltr');

describe('a revoked badge, on its page and at /verify: pseudo-locale, then Arabic', () => {
	const email = `languages-${randomUUID().slice(0, 8)}@example.org`;
	const NAME = 'Isla Languages';
	const REASON = 'Issued to the wrong account';
	const PASSWORD = 'languages-test-passphrase';
	let browser: LaunchedBrowser;
	let page: Page;
	let jws = '';

	beforeAll(async () => {
		const admin = new PocketBase(url);
		admin.autoCancellation(false);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await admin.collection('users').create({
			email,
			name: NAME,
			role: 'learner',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		const learner = new PocketBase(url);
		await learner.collection('users').authWithPassword(email, PASSWORD);
		await pushPathwayDone(url, learner.authStore.token, 'digital-essentials');

		// Signed in and claimed in English, as badges.test.ts does; then revoked by an admin.
		browser = await launchChromium({ viewport: { width: 360, height: 800 }, locale: 'en-GB' });
		page = await browser.context.newPage();
		await page.goto(`${url}/account`);
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel(/^Password/).fill(PASSWORD);
		await page.locator('form').getByRole('button', { name: 'Sign in' }).click();
		await page.getByText(/^Signed in as/).waitFor();
		await page.goto(`${url}/pathways/digital-essentials/badge`);
		await page.getByRole('textbox', { name: 'Name on the badge' }).fill(NAME);
		await page.getByRole('button', { name: 'Get my badge' }).click();
		await page.getByText(`Awarded to ${NAME}`).waitFor();
		const [kept] = await readStore<{ credential: string }>(page, 'badges');
		jws = kept?.credential ?? '';
		const [record] = await admin
			.collection('badges')
			.getFullList({ filter: admin.filter('credential = {:jws}', { jws }) });
		const revoked = await fetch(`${url}/api/clyde/badges/${record?.id}/revoke`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: admin.authStore.token },
			body: JSON.stringify({ reason: REASON })
		});
		expect(revoked.status).toBe(200);
		// Online, the badge page learns of the revocation.
		await page.goto(`${url}/pathways/digital-essentials/badge`);
		await page.getByText(new RegExp(REASON)).waitFor();
	});
	afterAll(() => browser?.close());

	/** The badge page, revoked, then /verify's verdict on the same badge. */
	async function walkRevoked(check: (name: string) => Promise<void>) {
		await open(page, '/pathways/digital-essentials/badge');
		// The pseudo-locale accents what fills a message too, so the reason is found by its place.
		await page.locator('main p.problem[role="status"]').waitFor();
		await check('badge-revoked');
		await open(page, '/verify');
		await page.locator('#badge-text').fill(jws);
		await page.locator('main form button[type="submit"]').click();
		await page.locator('[role="status"] .verdict.revoked').waitFor();
		await check('verify-revoked');
	}

	it('pseudo-locale: no word is left outside the messages', async () => {
		await page.evaluate(() => localStorage.setItem('clyde-locale', 'en-XA'));
		const problems: string[] = [];
		await walkRevoked(async (name) => {
			const found = (await untranslated(page)).filter(
				(text) => !allowed(text, [NAME, REASON, 'Digital Essentials'])
			);
			problems.push(...found.map((text) => `${name}: ${text}`));
		});
		expect(problems).toEqual([]);
	});

	it('Arabic: <html dir="rtl">, no sideways scroll, axe-clean', async () => {
		await page.evaluate(() => localStorage.setItem('clyde-locale', 'ar'));
		await walkRevoked(async (name) => {
			const root = await page.evaluate(() => ({
				lang: document.documentElement.lang,
				dir: document.documentElement.dir,
				overflow: document.documentElement.scrollWidth - window.innerWidth
			}));
			expect(root).toEqual({ lang: 'ar', dir: 'rtl', overflow: 0 });
			expect(await axeViolations(page)).toEqual([]);
			await shootWhole(page, `docs/screens/ar/${name}-360-light.png`);
		});
	});
});

describe('switching language offline', () => {
	let browser: LaunchedBrowser;
	afterAll(() => browser?.close());

	it('keeps the learner’s progress and needs no network', async () => {
		browser = await launchChromium({ viewport: { width: 360, height: 800 }, locale: 'en-GB' });
		const page = await browser.context.newPage();
		await open(page, FIRST_LESSON);
		await waitForServiceWorker(page);
		await page.locator('a.button[rel="next"]').first().click();
		await page.waitForURL((u) => !u.pathname.endsWith('phones-tablets-and-computers'));
		await open(page, '/progress');
		await page.getByText('You have done 1 lesson.').waitFor();

		const online = await goOffline(browser.context);
		await open(page, '/settings');
		await page.getByLabel('Polski').check();
		await page.getByRole('heading', { level: 1, name: 'Ustawienia' }).waitFor();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
		await page.getByRole('link', { name: 'Postępy' }).click();
		await page.getByText('Ukończono 1 lekcję.').first().waitFor();
		// Chosen, it stays chosen: a reload offline opens in Polish.
		await page.reload();
		await page.getByRole('heading', { level: 1, name: 'Twoje postępy' }).waitFor();
		await open(page, '/settings');
		await page.getByLabel('العربية').check();
		await page.getByRole('heading', { level: 1, name: 'الإعدادات' }).waitFor();
		expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
		await online();
	});
});

describe('answering the quiz in Arabic', () => {
	it('the feedback and result screens stay axe-clean', async () => {
		const browser = await launchChromium({ viewport: { width: 360, height: 800 }, locale: 'ar' });
		try {
			const page = await browser.context.newPage();
			await open(page, '/');
			await walkQuiz(page, async () => expect(await axeViolations(page)).toEqual([]));
			await page.screenshot({ path: 'docs/screens/ar/quiz-result-360-light.png', fullPage: true });
		} finally {
			await browser.close();
		}
	});
});
