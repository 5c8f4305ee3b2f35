import PocketBase, { type RecordModel } from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/browser/chromium';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { scriptReport, watchScript } from '../support/csp';
import { settle } from '../support/settle';

const url = inject('pbUrl');
const LESSON_ID = 'wf-javascript-in-the-page';
const MARKER = '<p id="injected-marker">Injected lesson</p>';

/** Opens the lesson as a learner would, then clicks, focuses and hovers everything in it. */
async function openAndPoke(page: Page, lessonUrl: string) {
	await page.goto(lessonUrl);
	await page.locator('#injected-marker').waitFor();
	for (const handle of await page.$$('.lesson-body *')) {
		await handle.hover({ timeout: 200, force: true }).catch(() => {});
		await handle.focus().catch(() => {});
		await handle.click({ timeout: 200, force: true, noWaitAfter: true }).catch(() => {});
	}
	await settle(page);
	return scriptReport(page);
}

describe('script written straight into a lesson record (past the publish sanitiser)', () => {
	let admin: PocketBase;
	let lesson: RecordModel;
	let lessonUrl: string;
	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		lesson = await admin
			.collection('lessons')
			.getFirstListItem(admin.filter('content_id = {:id}', { id: LESSON_ID }), {
				expand: 'pathway,module'
			});
		const { pathway, module } = lesson.expand as Record<string, RecordModel>;
		lessonUrl = `${url}/pathways/${pathway?.slug}/${module?.slug}/${lesson.slug}`;
		// What a compromised editor or admin account, or a tampered database, could do: raw
		// HTML, never sanitised, in the field the app renders with {@html}.
		await admin
			.collection('lessons')
			.update(lesson.id, { html: `${MARKER}\n${XSS_PAYLOADS.join('\n')}` });
	});
	afterAll(() => admin?.collection('lessons').update(lesson.id, { html: lesson.html }));

	it('the harness does catch script that runs (control: the same lesson with CSP switched off)', async () => {
		const browser = await launchChromium({ bypassCSP: true });
		try {
			await watchScript(browser.context);
			const report = await openAndPoke(await browser.context.newPage(), lessonUrl);
			expect(report.ran.length).toBeGreaterThan(0);
			console.log(`without CSP, payloads ${report.ran.join(', ')} ran`);
		} finally {
			await browser.close();
		}
	});

	it('none of the 42 injected payloads runs when a learner opens the lesson, and the CSP reports them', async () => {
		const browser = await launchChromium();
		try {
			await watchScript(browser.context);
			const report = await openAndPoke(await browser.context.newPage(), lessonUrl);
			expect(report.ran).toEqual([]);
			const directives = new Set(report.violations.map((v) => v.directive));
			// Inline event handlers (onerror, onload, onfocus…) are what would have run.
			expect(directives).toContain('script-src-attr');
			console.log(
				`with CSP: nothing ran; ${report.violations.length} violations reported (${[...directives].join(', ')})`
			);
		} finally {
			await browser.close();
		}
	});
});
