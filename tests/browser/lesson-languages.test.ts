import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { readStore, waitForServiceWorker } from '../support/learner';
import { goOffline } from '../support/offline';

const url = inject('pbUrl');
/** Translated into Polish, Arabic and Urdu (content/…/01-getting-started/*.pl.md, *.ar.md, *.ur.md). */
const TRANSLATED = '/pathways/digital-essentials/getting-started/phones-tablets-and-computers';
/** Not translated: shown in English, with a note in the learner's language. */
const ENGLISH_ONLY = '/pathways/digital-essentials/staying-safe/strong-passwords';

const CASES = [
	{
		locale: 'pl',
		dir: 'ltr',
		title: 'Telefony, tablety i komputery',
		note: 'Nie przetłumaczono jeszcze na polski: ta lekcja jest po angielsku.',
		pathway: 'Cyfrowe podstawy',
		module: 'Pierwsze kroki'
	},
	{
		locale: 'ar',
		dir: 'rtl',
		title: 'الهواتف والأجهزة اللوحية والحواسيب',
		note: 'لم يُترجم إلى العربية بعد: هذا الدرس بالإنجليزية.',
		pathway: 'الأساسيات الرقمية',
		module: 'البداية'
	},
	{
		locale: 'ur',
		dir: 'rtl',
		title: 'فون، ٹیبلٹ اور کمپیوٹر',
		note: 'ابھی اردو میں ترجمہ نہیں ہوا: یہ سبق انگریزی میں ہے۔',
		pathway: 'ڈیجیٹل بنیادی باتیں',
		module: 'شروعات'
	}
] as const;

/** The pathway page's words: its heading, its introduction's language, its module headings. */
async function pathwayOnScreen(page: Page) {
	await page.locator('main h2').first().waitFor();
	return page.evaluate(() => ({
		title: document.querySelector('main h1')?.textContent?.trim(),
		introLang: document.querySelector('main .lesson-body')?.getAttribute('lang'),
		modules: [...document.querySelectorAll('main section[aria-labelledby^="module-"] h2')].map(
			(h) => h.textContent?.trim()
		),
		overflow: document.documentElement.scrollWidth - window.innerWidth
	}));
}

/** The lesson on screen: its heading, the language and direction of its text, its note. */
async function lessonOnScreen(page: Page) {
	await page.locator('main .lesson-body').waitFor();
	return page.evaluate(() => {
		const body = document.querySelector('main .lesson-body');
		return {
			title: document.querySelector('main h1')?.textContent?.trim(),
			lang: body?.getAttribute('lang'),
			dir: body?.getAttribute('dir'),
			direction: body ? getComputedStyle(body).direction : '',
			note: document.querySelector('main .translation-note')?.textContent?.trim() ?? '',
			overflow: document.documentElement.scrollWidth - window.innerWidth
		};
	});
}

/**
 * Axe in light and dark, and a screenshot of each with the window as tall as the page, so the
 * fixed tab bar sits at its foot rather than over the lesson's text.
 */
async function shoot(page: Page, file: string) {
	const { width, height } = page.viewportSize() ?? { width: 360, height: 800 };
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme });
		expect(await axeViolations(page), `${file} ${scheme}`).toEqual([]);
		const whole = await page.evaluate(() => document.documentElement.scrollHeight);
		await page.setViewportSize({ width, height: Math.max(height, whole) });
		await page.screenshot({ path: `${file}-360-${scheme}.png`, animations: 'disabled' });
		await page.setViewportSize({ width, height });
	}
	await page.emulateMedia({ colorScheme: null });
}

for (const { locale, dir, title, note, pathway, module } of CASES) {
	describe(`a learner whose phone is set to ${locale} saves Digital Essentials, then studies offline (360 px)`, () => {
		let browser: LaunchedBrowser;
		beforeAll(async () => {
			browser = await launchChromium({ viewport: { width: 360, height: 800 }, locale });
			await mkdir(`docs/screens/${locale}`, { recursive: true });
		});
		afterAll(() => browser?.close());

		it(`downloads the lessons in ${locale} where they are translated, English elsewhere; offline, each opens so, the English one with a note`, async () => {
			const { context } = browser;
			const page = await context.newPage();
			await page.goto(`${url}/pathways/digital-essentials`);
			await waitForServiceWorker(page);
			const catalog = (await (await fetch(`${url}/api/clyde/catalog`)).json()) as {
				pathways: {
					slug: string;
					modules: { lessons: { id: string; translations?: object }[] }[];
				}[];
			};
			const lessons = catalog.pathways
				.find((p) => p.slug === 'digital-essentials')
				?.modules.flatMap((m) => m.lessons);
			const translated = (lessons ?? [])
				.filter((l) => l.translations && locale in l.translations)
				.map((l) => l.id);
			expect(translated).toHaveLength(4);
			await page.locator('main section.download button.secondary').first().click();
			await expect
				.poll(async () => (await readStore(page, 'lessons')).length, { timeout: 30_000 })
				.toBe(lessons?.length);
			const stored = await readStore<{ id: string; lang?: string }>(page, 'lessons');
			expect(
				stored
					.filter((l) => l.lang === locale)
					.map((l) => l.id)
					.sort()
			).toEqual([...translated].sort());
			expect(stored.filter((l) => l.lang !== locale).every((l) => l.lang === 'en')).toBe(true);
			await page.close();

			await goOffline(context);
			const offline = await context.newPage();
			await offline.goto(`${url}${TRANSLATED}`);
			expect(await lessonOnScreen(offline)).toEqual({
				title,
				lang: locale,
				dir,
				direction: dir,
				note: '',
				overflow: 0
			});
			expect(await offline.evaluate(() => document.documentElement.dir)).toBe(dir);
			await shoot(offline, `docs/screens/${locale}/lesson-translated`);

			await offline.goto(`${url}${ENGLISH_ONLY}`);
			expect(await lessonOnScreen(offline)).toEqual({
				title: 'Strong passwords',
				lang: 'en',
				dir: 'ltr',
				direction: 'ltr',
				note,
				overflow: 0
			});
			await shoot(offline, `docs/screens/${locale}/lesson-in-english`);

			// The pathway's and first module's words came with the catalog in the learner's
			// language; the later modules have none yet, so they are in English.
			await offline.goto(`${url}/pathways/digital-essentials`);
			const shown = await pathwayOnScreen(offline);
			expect(shown).toMatchObject({ title: pathway, introLang: locale, overflow: 0 });
			expect(shown.modules).toEqual([
				module,
				'Staying safe online',
				'Email',
				'Services and your rights'
			]);
			await shoot(offline, `docs/screens/${locale}/pathway-translated`);

			// Home goes on from the lesson opened last: the translated one, in its module.
			await offline.goto(`${url}${TRANSLATED}`);
			await offline.locator('main .lesson-body').waitFor();
			await offline.goto(`${url}/`);
			const next = offline.locator('main .next-step');
			await next.waitFor();
			expect(await next.locator('.meta').first().textContent()).toBe(`${pathway} · ${module}`);
			expect(await offline.locator('main ul.cards').textContent()).toContain(pathway);
			// "Continue: …" names the lesson in the learner's language.
			expect(await next.locator('a').first().textContent()).toContain(title);
			await shoot(offline, `docs/screens/${locale}/home-translated`);

			// Offline, another language's titles are not on the phone: English, until the learner
			// comes back to the language they saved the pathway in.
			const other = locale === 'pl' ? 'ar' : 'pl';
			const titleIn = async (language: string) => {
				await offline.evaluate((l) => localStorage.setItem('clyde-locale', l), language);
				await offline.goto(`${url}/pathways/digital-essentials`);
				await expect
					.poll(() => offline.evaluate(() => document.documentElement.lang))
					.toBe(language);
				return (await pathwayOnScreen(offline)).title;
			};
			expect(await titleIn(other)).toBe('Digital Essentials');
			expect(await titleIn(locale)).toBe(pathway);
		}, 240_000);
	});
}
