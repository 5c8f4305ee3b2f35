import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { axeViolations } from '../support/axe';
import { signIn as signInAs } from '../support/sign-in';
import { waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');
const LESSON_TITLE = 'Phones, tablets and computers';
const LESSON = `${url}/pathways/digital-essentials/getting-started/phones-tablets-and-computers`;
const PASSWORD = 'tutor-live-test-passphrase';

const signIn = (page: Page, email: string) => signInAs(page, url, email, PASSWORD);

/** The grid cell of `learner` on the first lesson: the row's 6th cell (after name and 4 facts). */
function firstLessonCell(page: Page, learner: string) {
	return page
		.getByRole('row', { name: new RegExp(learner) })
		.locator('td')
		.nth(4);
}

describe('a tutor sees their cohort live (real Chromium, real PocketBase)', () => {
	let tutorBrowser: LaunchedBrowser;
	let learnerBrowser: LaunchedBrowser;
	const suffix = Date.now().toString(36);
	const tutorEmail = `tutor-${suffix}@example.org`;
	const learnerEmail = `learner-${suffix}@example.org`;
	const learnerName = `Ailsa ${suffix}`;

	beforeAll(async () => {
		const admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		for (const [email, role, name] of [
			[tutorEmail, 'tutor', 'Tutor Morag'],
			[learnerEmail, 'learner', learnerName]
		] as const) {
			await admin
				.collection('users')
				.create({ email, role, name, password: PASSWORD, passwordConfirm: PASSWORD });
		}
		tutorBrowser = await launchChromium({ viewport: { width: 1280, height: 800 } });
		learnerBrowser = await launchChromium();
	});
	afterAll(async () => {
		await tutorBrowser?.close();
		await learnerBrowser?.close();
	});

	it('an open dashboard shows a completion made offline as soon as the phone is back online, without a reload', async () => {
		// The tutor makes a cohort and reads its join code off the dashboard.
		const tutor = await tutorBrowser.context.newPage();
		await signIn(tutor, tutorEmail);
		await tutor.getByRole('link', { name: 'Cohorts' }).first().click();
		await tutor.getByRole('heading', { name: 'Your cohorts' }).waitFor();
		expect(await axeViolations(tutor)).toEqual([]);
		await tutor.getByLabel('Name').fill('Tuesday evening class');
		await tutor.getByLabel('Pathway').selectOption({ label: 'Digital Essentials' });
		await tutor.getByRole('button', { name: 'Create cohort' }).click();
		await tutor.getByRole('link', { name: 'Tuesday evening class' }).click();
		await tutor.getByText('Live: updates as learners').waitFor();
		const code = (await tutor.locator('.join-code .code').textContent())?.trim() ?? '';
		expect(code).toMatch(/^[A-Z0-9]{4} [A-Z0-9]{4}$/);

		// The learner joins with the code as read aloud: lower case, with the space.
		const learner = await learnerBrowser.context.newPage();
		await learner.goto(`${url}/`);
		await waitForServiceWorker(learner);
		await signIn(learner, learnerEmail);
		await learner.goto(`${url}/join`);
		await learner.getByLabel('Join code').fill(code.toLowerCase());
		await learner.getByRole('button', { name: 'Find my class' }).click();
		await learner.getByRole('button', { name: 'Join Tuesday evening class' }).click();
		await learner.getByText('You joined Tuesday evening class.').waitFor();
		expect(await axeViolations(learner)).toEqual([]);

		// The tutor's open dashboard gains the learner (a membership event), with nothing done.
		await tutor.evaluate(() => ((window as unknown as { marker: string }).marker = 'no reload'));
		await expect
			.poll(() => firstLessonCell(tutor, learnerName).textContent(), { timeout: 20_000 })
			.toBe('·');

		// The learner opens a lesson, loses the connection, and completes it offline.
		await learner.goto(LESSON);
		await learner.getByRole('heading', { level: 1, name: LESSON_TITLE }).waitFor();
		await learnerBrowser.context.setOffline(true);
		await learner.getByRole('link', { name: 'Next: The internet and the web' }).click();
		await learner.getByRole('heading', { level: 1, name: 'The internet and the web' }).waitFor();
		// While the phone is offline the tutor cannot know: the cell is at most "opened".
		expect(await firstLessonCell(tutor, learnerName).textContent()).not.toBe('✓');

		// Back online, the phone syncs and the tutor's grid changes by itself.
		await learnerBrowser.context.setOffline(false);
		await expect
			.poll(() => firstLessonCell(tutor, learnerName).textContent(), { timeout: 20_000 })
			.toBe('✓');
		expect(await tutor.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
			'no reload'
		);
		expect(await axeViolations(tutor)).toEqual([]);

		// The learner's own page shows the timeline.
		await tutor.getByRole('link', { name: learnerName }).click();
		await tutor.getByText(`Completed "${LESSON_TITLE}"`).waitFor();
		expect(await axeViolations(tutor)).toEqual([]);
		await tutor.goBack();

		// The CSV export has the learner and the completion, properly quoted.
		const [download] = await Promise.all([
			tutor.waitForEvent('download'),
			tutor.getByRole('button', { name: 'Export CSV' }).click()
		]);
		const csv = Papa.parse<string[]>(await readFile((await download.path()) ?? '', 'utf8')).data;
		const header = csv[0] ?? [];
		const row = csv.find((line) => line[0] === learnerName) ?? [];
		expect(row[header.indexOf(LESSON_TITLE)]).toBe('Completed');
		expect(row[header.indexOf('Lessons done')]).toMatch(/^1 of /);
	});

	it('the dashboard says when the tutor is offline, and catches up when back', async () => {
		// A cohort and a browser of its own: this test does not lean on the one above.
		const api = new PocketBase(url);
		const { record } = await api.collection('users').authWithPassword(tutorEmail, PASSWORD);
		await api
			.collection('cohorts')
			.create({ name: 'Thursday morning class', pathway: 'digital-essentials', tutor: record.id });
		const browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
		try {
			const tutor = await browser.context.newPage();
			await signIn(tutor, tutorEmail);
			await tutor.goto(`${url}/tutor`);
			await tutor.getByRole('link', { name: 'Thursday morning class' }).click();
			await tutor.getByText('Live: updates as learners').waitFor();
			await browser.context.setOffline(true);
			await tutor.getByText(/You are offline: showing what was known at/).waitFor();
			expect(await axeViolations(tutor)).toEqual([]);
			await browser.context.setOffline(false);
			await tutor.getByText('Live: updates as learners').waitFor({ timeout: 20_000 });
		} finally {
			await browser.close();
		}
	});
});
