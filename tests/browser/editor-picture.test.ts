import PocketBase from 'pocketbase';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { deleteAllDrafts, publishBundledContent } from '../support/pocketbase';
import { lookAt } from '../support/look-at';
import { signIn } from '../support/sign-in';

const url = inject('pbUrl');
const PASSWORD = 'picture-test-passphrase';
const suffix = Date.now().toString(36);
const LESSON = '01-digital-essentials/03-email/02-writing-and-sending-email.md';
const ALT = 'An email being written: the To box holds one address, and Send is at the top.';
const CAPTION = 'A new email';

/**
 * A photo as a phone's camera hands one over: a PNG of 1600 × 1200 pixels, far over the
 * 100 KB a lesson's picture may be, drawn in the page (smooth shading and shapes, like a photo
 * of a screen) so that the test needs no binary file.
 */
async function photoPng(page: Page): Promise<Buffer> {
	const base64 = await page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = 1600;
		canvas.height = 1200;
		const g = canvas.getContext('2d') as CanvasRenderingContext2D;
		const shade = g.createLinearGradient(0, 0, 1600, 1200);
		shade.addColorStop(0, '#2a6f97');
		shade.addColorStop(1, '#f4d35e');
		g.fillStyle = shade;
		g.fillRect(0, 0, 1600, 1200);
		for (let i = 0; i < 400; i++) {
			g.fillStyle = `hsl(${(i * 37) % 360} 60% ${30 + (i % 5) * 10}%)`;
			g.beginPath();
			g.arc((i * 211) % 1600, (i * 157) % 1200, 10 + (i % 40), 0, 2 * Math.PI);
			g.fill();
		}
		return canvas.toDataURL('image/png').split(',')[1] ?? '';
	});
	return Buffer.from(base64, 'base64');
}

// "Add a picture" in an editor's day: a photo from the device, resized and compressed in the
// browser, alt text required, shown in the preview, published, and on a learner's phone.
describe('inserting a picture in the editor (real Chromium, real PocketBase)', () => {
	let editorBrowser: LaunchedBrowser;
	let phoneBrowser: LaunchedBrowser;
	let admin: PocketBase;
	let ivy: Page;

	beforeAll(async () => {
		admin = new PocketBase(url);
		await admin.admins.authWithPassword(inject('adminEmail'), inject('adminPassword'));
		await deleteAllDrafts(admin);
		const email = `pictures-${suffix}@example.org`;
		await admin.collection('users').create({
			email,
			name: 'Ivy',
			role: 'editor',
			password: PASSWORD,
			passwordConfirm: PASSWORD
		});
		editorBrowser = await launchChromium({ viewport: { width: 1280, height: 900 } });
		phoneBrowser = await launchChromium();
		ivy = await editorBrowser.context.newPage();
		await signIn(ivy, url, email, PASSWORD);
	}, 120_000);
	afterAll(async () => {
		await editorBrowser?.close();
		await phoneBrowser?.close();
		// Put the curriculum back as the other tests know it, and leave no drafts behind.
		await deleteAllDrafts(admin);
		await publishBundledContent(url);
	});

	it('inserts a photo with its alt text, previews, publishes; a phone shows it', async () => {
		await ivy.goto(`${url}/editor?file=${encodeURIComponent(LESSON)}`);
		await ivy.getByText(/^(No problems found\.|0 errors,)/).waitFor();
		// Put the cursor after the lesson's first paragraph of text.
		await ivy
			.locator('.cm-line')
			.filter({ hasText: /^[A-Z][a-z]/ })
			.first()
			.click();

		const open = ivy.getByRole('button', { name: 'Insert picture…' });
		await open.focus();
		await ivy.keyboard.press('Enter');
		const dialog = ivy.getByRole('dialog', { name: 'Insert a picture' });
		await dialog.waitFor();
		const png = await photoPng(ivy);
		expect(png.length).toBeGreaterThan(100 * 1024);
		await dialog
			.getByLabel('Photo or picture file')
			.setInputFiles({ name: 'IMG_0042.png', mimeType: 'image/png', buffer: png });
		const note = dialog.getByText(/^1200 × 900 pixels, [\d.]+ KB \(was [\d.]+ KB\)\.$/);
		await note.waitFor({ timeout: 30_000 });
		const size = Number(/pixels, ([\d.]+) KB/.exec((await note.textContent()) ?? '')?.[1]);
		expect(size).toBeLessThanOrEqual(100);

		// Alt text is required, with the checker's own message.
		await dialog.getByRole('button', { name: 'Insert picture' }).click();
		await dialog.getByText('picture "IMG_0042.png" has no alt text: say what it shows').waitFor();
		await dialog.getByLabel('Alt text (required)').fill(ALT);
		await dialog.getByLabel('Caption (optional)').fill(CAPTION);
		expect(await lookAt(ivy, 'editor-picture-dialog', [1280, 360], dialog)).toEqual({});
		await dialog.getByRole('button', { name: 'Insert picture' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await ivy
			.getByText(/^Picture inserted as images\/an-email-being-written-the-to\.webp/)
			.waitFor();

		// In the text as its own paragraph; the checks find the picture; the preview shows it.
		const markdown = `![${ALT}](images/an-email-being-written-the-to.webp "${CAPTION}")`;
		expect(await ivy.locator('.cm-content').innerText()).toContain(`\n\n${markdown}\n\n`);
		await ivy.getByText(/^(No problems found\.|0 errors,)/).waitFor();
		const preview = ivy.getByRole('region', { name: 'Preview' });
		const shown = preview.getByRole('img', { name: ALT });
		await shown.waitFor();
		expect(await shown.getAttribute('src')).toMatch(/^data:image\/webp;base64,UklGR/);
		await ivy.getByText('All changes saved').waitFor();
		expect(await lookAt(ivy, 'editor-picture-preview', [1280, 360], preview)).toEqual({});

		// Publishing lists the picture and sends it with the lesson.
		await ivy.getByRole('link', { name: 'Publish pathway…' }).click();
		await ivy.getByText(/^1 picture new, 1 lesson updated\.$/).waitFor({ timeout: 60_000 });
		await ivy.getByRole('button', { name: /^Publish / }).click();
		await ivy.getByText(/^The pathway is published/).waitFor({ timeout: 30_000 });
		expect(
			await admin.collection('drafts').getFullList({ filter: 'file ~ "03-email/images/"' })
		).toEqual([]);

		// A learner's phone shows the picture in the lesson.
		const phone = await phoneBrowser.context.newPage();
		await phone.goto(`${url}/pathways/digital-essentials/email/writing-and-sending-email`);
		const onPhone = phone.getByRole('img', { name: ALT });
		await onPhone.waitFor({ timeout: 30_000 });
		expect(await onPhone.getAttribute('src')).toMatch(/^data:image\/webp;base64,UklGR/);
		await phone.getByText(CAPTION, { exact: true }).waitFor();
	}, 240_000);
});
