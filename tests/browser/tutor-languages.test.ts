import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { signIn } from '../support/sign-in';
import { seedCohort, type SeededCohort } from '../support/tutor-cohort';
import { allowed, untranslated } from '../support/untranslated';

// The tutor's pages in the tutor's language (issue 17): the pseudo-locale finds any word not in
// the messages, a Polish tutor sees no English but learners' data and lesson titles, an Arabic
// one a mirrored page, axe-clean at 1280 and 360 px; screenshots for docs/screens/{pl,ar}.

const url = inject('pbUrl');
const PASSWORD = 'tutor-languages-test-passphrase';
const suffix = Date.now().toString(36);
let seeded: SeededCohort;

beforeAll(async () => {
	seeded = await seedCohort(
		url,
		{ email: inject('adminEmail'), password: inject('adminPassword') },
		{
			suffix: `lang-${suffix}`,
			cohort: `Evening class ${suffix}`,
			password: PASSWORD,
			adaLanguage: 'pl'
		}
	);
});

/** A tutor signed in (on the English Account page), then Clyde in `locale` or the browser's. */
async function tutorIn(locale: string | undefined, phone: string): Promise<LaunchedBrowser> {
	const browser = await launchChromium({ viewport: { width: 1280, height: 900 }, locale: phone });
	const page = await browser.context.newPage();
	await page.goto(`${url}/`);
	await page.evaluate(() => localStorage.setItem('clyde-locale', 'en'));
	await signIn(page, url, seeded.tutorEmail, PASSWORD);
	await page.evaluate(
		(chosen) =>
			chosen
				? localStorage.setItem('clyde-locale', chosen)
				: localStorage.removeItem('clyde-locale'),
		locale
	);
	return browser;
}

/** The cohort list, the cohort's dashboard (its folded parts open) and Ada's page, in turn. */
async function walk(page: Page, look: (name: string) => Promise<void>) {
	await page.goto(`${url}/tutor`);
	await page.getByRole('link', { name: seeded.cohort }).waitFor();
	await look('tutor-cohorts');
	await page.getByRole('link', { name: seeded.cohort }).click();
	await page.locator('.live-status.live').waitFor();
	await page.locator('main table').getByRole('link', { name: seeded.ada }).waitFor();
	for (const summary of await page.locator('main details > summary').all()) await summary.click();
	await look('tutor-cohort');
	await page.locator('main table').getByRole('link', { name: seeded.ada }).click();
	await page.getByRole('heading', { level: 1, name: seeded.ada }).waitFor();
	await page.locator('main .timeline li').first().waitFor();
	await page.locator('main details > summary').first().click();
	await look('tutor-learner');
}

// What Intl writes for the pseudo-locale, which formats as English (en-GB): month names, "today",
// "yesterday", language names. Not the messages' words: left out of the pseudo-locale's check.
const INTL_WORDS = [
	...Array.from({ length: 12 }, (_, m) =>
		['long', 'short'].map((month) =>
			new Intl.DateTimeFormat('en-GB', { month: month as 'long' }).format(new Date(2026, m, 1))
		)
	).flat(),
	'today',
	'yesterday',
	...['pl', 'ur', 'ar', 'en'].map((code) =>
		new Intl.DisplayNames(['en-GB'], { type: 'language' }).of(code)
	)
].filter((word): word is string => !!word);

describe('the pseudo-locale on the tutor pages', () => {
	let browser: LaunchedBrowser;
	afterAll(() => browser?.close());

	it('finds no word outside the messages on the cohort list, dashboard and learner page', async () => {
		browser = await tutorIn('en-XA', 'en-GB');
		const page = await browser.context.newPage();
		const problems: string[] = [];
		await walk(page, async (name) => {
			const [code = ''] = await page.locator('.join-code .code').allTextContents();
			const typed = [seeded.cohort, seeded.ada, seeded.bo, seeded.tutorEmail, code.trim()];
			const found = (await untranslated(page))
				.filter((text) => !allowed(text, typed))
				.map((text) => INTL_WORDS.reduce((left, word) => left.replaceAll(word, ''), text))
				// Emails are what learners typed, too.
				.map((text) => text.replace(/\S+@example\.org/g, ''))
				.filter((text) => /[A-Za-z]{2,}/.test(text));
			problems.push(...found.map((text) => `${name}: ${text}`));
		});
		expect(problems).toEqual([]);
	}, 300_000);
});

/**
 * English words of the interface's messages that a translation does not also use ("CSV", "QR",
 * "Clyde" stay): one of them on a Polish page is English left behind.
 */
function englishOnly(locale: string): Set<string> {
	const words = (file: string) =>
		new Set(
			JSON.stringify(JSON.parse(readFileSync(file, 'utf8')))
				.replace(/\{\w+\}/g, ' ')
				.match(/[A-Za-z]{3,}/g) ?? []
		);
	const files = ['messages/tutor', 'messages'];
	const english = new Set(files.flatMap((dir) => [...words(`${dir}/en.json`)]));
	const kept = new Set(files.flatMap((dir) => [...words(`${dir}/${locale}.json`)]));
	return new Set([...english].filter((word) => !kept.has(word) && word !== 'status'));
}

/** Visible text with English interface words in it, learners' names and lesson titles aside. */
async function englishOn(page: Page, known: readonly string[], vocabulary: Set<string>) {
	const texts = await page.evaluate(() => {
		const found: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.parentElement?.closest('script, style, template')) continue;
			found.push(node.textContent ?? '');
		}
		for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]'))
			for (const name of ['aria-label', 'title', 'placeholder'])
				found.push(element.getAttribute(name) ?? '');
		return [...found, document.title];
	});
	return (
		texts
			.map((text) => known.reduce((left, words) => left.replaceAll(words, ' '), text))
			// Learners' emails and the join link are data and addresses, not words of the interface.
			.map((text) => text.replace(/\S+@\S+|https?:\/\/\S+/g, ' '))
			.filter((text) => (text.match(/[A-Za-z]{3,}/g) ?? []).some((word) => vocabulary.has(word)))
	);
}

/** Screenshots and axe at 1280 and 360 px, light and dark; no sideways scroll of the page. */
async function lookAround(page: Page, locale: string, name: string, problems: string[]) {
	for (const width of [1280, 360]) {
		await page.setViewportSize({ width, height: 900 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		if (overflow > 0) problems.push(`${name} ${width}: scrolls sideways by ${overflow} px`);
		for (const theme of ['light', 'dark']) {
			await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
			const violations = await axeViolations(page);
			if (violations.length)
				problems.push(`${name} ${width} ${theme}: ${JSON.stringify(violations)}`);
			// The window as tall as the page, so that the phone's fixed tab bar sits at its foot.
			const whole = await page.evaluate(() => document.documentElement.scrollHeight);
			await page.setViewportSize({ width, height: Math.max(900, whole) });
			await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: `docs/screens/${locale}/${name}-${width}-${theme}.png` });
			await page.setViewportSize({ width, height: 900 });
		}
	}
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.evaluate(() => (document.documentElement.dataset.theme = 'system'));
}

describe('a tutor whose browser is in Polish', () => {
	let browser: LaunchedBrowser;
	let page: Page;
	beforeAll(async () => {
		browser = await tutorIn(undefined, 'pl-PL');
		page = await browser.context.newPage();
		await mkdir('docs/screens/pl', { recursive: true });
	});
	afterAll(() => browser?.close());

	it('sees no English on the cohort list, dashboard and learner page, axe-clean at 1280 and 360 px', async () => {
		const catalog = (await (await fetch(`${url}/api/clyde/catalog`)).json()) as {
			pathways: { title: string; modules: { title: string; lessons: { title: string }[] }[] }[];
		};
		// Learner data and the content's own titles stay as they are; longest first.
		const known = [
			...catalog.pathways.flatMap((p) => [
				p.title,
				...p.modules.flatMap((m) => [m.title, ...m.lessons.map((l) => l.title)])
			]),
			seeded.cohort,
			seeded.ada,
			seeded.bo,
			'Clyde'
		].sort((a, b) => b.length - a.length);
		const vocabulary = englishOnly('pl');
		const problems: string[] = [];
		await walk(page, async (name) => {
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
			const english = await englishOn(page, known, vocabulary);
			problems.push(...english.map((text) => `${name}: ${text.trim()}`));
			await lookAround(page, 'pl', name, problems);
		});
		expect(problems).toEqual([]);
	}, 300_000);

	it('exports the CSV with English column names and words', async () => {
		await page.goto(`${url}/tutor`);
		await page.getByRole('link', { name: seeded.cohort }).click();
		await page.locator('.live-status.live').waitFor();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Eksportuj CSV' }).click()
		]);
		const csv = Papa.parse<string[]>(await readFile((await download.path()) ?? '', 'utf8')).data;
		expect(csv[0]?.slice(0, 8)).toEqual([
			'Learner',
			'Email',
			'Language',
			'Lessons done',
			'Last active',
			'Quiz average',
			'Needs help',
			'Badge'
		]);
		const ada = csv.find((row) => row[0] === seeded.ada) ?? [];
		expect(ada[2]).toBe('Polish');
		expect(ada[6]).toMatch(/^Failed the quiz on ".+" 2 times \(best 0%\)$/);
		expect(ada.slice(8)).toContain('Needs help');
	});
});

describe('a tutor whose browser is in Arabic', () => {
	let browser: LaunchedBrowser;
	afterAll(() => browser?.close());

	it('gets mirrored tutor pages, axe-clean at 1280 and 360 px, no sideways scroll', async () => {
		browser = await tutorIn(undefined, 'ar');
		const page = await browser.context.newPage();
		await mkdir('docs/screens/ar', { recursive: true });
		const problems: string[] = [];
		await walk(page, async (name) => {
			const root = await page.evaluate(() => ({
				lang: document.documentElement.lang,
				dir: document.documentElement.dir
			}));
			expect(root).toEqual({ lang: 'ar', dir: 'rtl' });
			if (name === 'tutor-cohort') {
				// The names' column starts on the right, and time runs leftwards on the chart.
				const mirrored = await page.evaluate(() => {
					const box = (selector: string) =>
						document.querySelector(selector)?.getBoundingClientRect();
					const region = box('.grid-scroll');
					const names = box('.cohort-grid .learner-head');
					const days = [...document.querySelectorAll('.completion-chart svg text')].slice(3, 5);
					const [first, last] = days.map((t) => t.getBoundingClientRect().x);
					return {
						namesOnTheRight: !!region && !!names && names.right > region.right - 2,
						timeLeftwards: (first ?? 0) > (last ?? 0),
						arrow: document.querySelector('.scroll-hint span')?.textContent
					};
				});
				expect(mirrored).toEqual({ namesOnTheRight: true, timeLeftwards: true, arrow: '←' });
			}
			await lookAround(page, 'ar', name, problems);
		});
		expect(problems).toEqual([]);
	}, 300_000);
});
