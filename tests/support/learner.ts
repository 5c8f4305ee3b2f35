import type { BrowserContext, Page } from 'playwright-core';
import type { Question, Quiz } from '../../src/lib/content/types';

/** Answers the quiz question on screen (the first choice, or a typed answer) and moves on. */
export async function answerQuestion(page: Page, typed = 'an answer'): Promise<void> {
	const form = page.locator('main form');
	const radio = form.getByRole('radio');
	const checkbox = form.getByRole('checkbox');
	const textbox = form.getByRole('textbox');
	if (await radio.count()) await radio.first().check();
	else if (await checkbox.count()) await checkbox.first().check();
	else if (await textbox.count()) await textbox.fill(typed);
	await page.getByRole('button', { name: 'Check answer' }).click();
	await page.getByRole('button', { name: /Next question|See your result/ }).click();
}

/** Answers every question of the quiz on screen and waits for the result. */
export async function finishQuiz(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Check answer' }).waitFor();
	while (await page.getByRole('button', { name: 'Check answer' }).count()) {
		await answerQuestion(page);
	}
	await page.getByRole('button', { name: 'Try again' }).waitFor();
}

/** The published quiz of a lesson, as the server sends it to phones. */
export async function publishedQuiz(url: string, lesson: string): Promise<Quiz> {
	const response = await fetch(`${url}/api/clyde/lessons?ids=${encodeURIComponent(lesson)}`);
	const { lessons } = (await response.json()) as { lessons: { quiz: Quiz | null }[] };
	const quiz = lessons[0]?.quiz;
	if (!quiz) throw new Error(`lesson ${lesson} has no quiz`);
	return quiz;
}

/** Answers the question on screen rightly (choice, true/false and text questions) and moves on. */
export async function answerRightly(page: Page, question: Question): Promise<void> {
	const form = page.locator('main form');
	switch (question.type) {
		case 'single':
		case 'multiple':
			for (const option of question.options.filter((o) => o.correct))
				await form.getByLabel(option.text, { exact: true }).check();
			break;
		case 'true-false':
			await form.getByLabel(question.answer ? 'True' : 'False', { exact: true }).check();
			break;
		case 'text':
			await form.getByRole('textbox').fill(question.accept[0] ?? '');
			break;
		case 'order':
			throw new Error(
				'answerRightly does not reorder items: choose a quiz without an order question'
			);
	}
	await page.getByRole('button', { name: 'Check answer' }).click();
	await page.getByRole('button', { name: /Next question|See your result/ }).click();
}

/** Waits until the service worker controls the page: from then on the app opens offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
		timeout: 20_000
	});
}

/** Saves a pathway for offline as a learner would (home, then its link), in a page of its own. */
export async function savePathway(
	context: BrowserContext,
	url: string,
	pathway: string
): Promise<void> {
	const online = await context.newPage();
	await online.goto(`${url}/`);
	await waitForServiceWorker(online);
	await online.getByRole('link', { name: pathway, exact: true }).click();
	await online.getByRole('button', { name: /^Save for offline/ }).click();
	await online.getByText('Saved for offline').waitFor({ timeout: 30_000 });
	await online.close();
}

/** Saves Digital Essentials for offline as a learner would, in a page of its own, then closes it. */
export function saveDigitalEssentials(context: BrowserContext, url: string): Promise<void> {
	return savePathway(context, url, 'Digital Essentials');
}

/** Every row of one object store of the app's IndexedDB, read inside the page. */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(async (name) => {
		const request = indexedDB.open('clyde');
		const db = await new Promise<IDBDatabase>(
			(ok) => (request.onsuccess = () => ok(request.result))
		);
		return new Promise<T[]>((ok) => {
			const all = db.transaction(name).objectStore(name).getAll();
			all.onsuccess = () => ok(all.result as T[]);
		});
	}, store);
}

interface PublishedLesson {
	id: string;
	media?: Array<{ hash: string }>;
}

/** A published pathway's lessons, as the catalog route lists them. */
async function publishedLessons(url: string, pathwaySlug: string): Promise<PublishedLesson[]> {
	const catalog = (await (await fetch(`${url}/api/clyde/catalog`)).json()) as {
		pathways: Array<{ slug: string; modules: Array<{ lessons: PublishedLesson[] }> }>;
	};
	const pathway = catalog.pathways.find((p) => p.slug === pathwaySlug);
	if (!pathway) throw new Error(`no published pathway "${pathwaySlug}"`);
	return pathway.modules.flatMap((module) => module.lessons);
}

/** The content ids of a published pathway's lessons. */
export async function publishedLessonIds(url: string, pathwaySlug: string): Promise<string[]> {
	return (await publishedLessons(url, pathwaySlug)).map((lesson) => lesson.id);
}

/** The hashes of the pictures a published pathway's lessons place, once each. */
export async function publishedPictures(url: string, pathwaySlug: string): Promise<string[]> {
	const lessons = await publishedLessons(url, pathwaySlug);
	return [...new Set(lessons.flatMap((lesson) => (lesson.media ?? []).map((ref) => ref.hash)))];
}
