import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/content/load';
import { nodeSanitiser } from '../../../scripts/content/node-sanitiser';
import { moveLesson } from './lesson-order';
import { DRAFT_STATUS, newTranslation } from './new-translation';
import { planPublish } from './publish-plan';

const CONTENT = resolve(import.meta.dirname, '../../../content');
const PATHWAY = '01-digital-essentials';
const LESSON = `${PATHWAY}/01-getting-started/01-phones-tablets-and-computers.md`;
const OTHER = '02-web-foundations/01-how-the-web-works/module.md';

const NEW_LESSON = `${PATHWAY}/01-getting-started/05-new.md`;
const NEW_TEXT = `---
id: de-new-lesson
title: A new lesson
summary: Written in the browser.
minutes: 5
outcomes:
  - Say what is new
---

A short lesson written in the editor, with a few plain sentences in it.
`;

// A compile of the whole curriculum takes seconds on a busy machine.
describe(
	'planPublish: one pathway, compiled with the editor’s texts',
	{ timeout: 60_000 },
	async () => {
		const published = await loadContent(CONTENT);
		const sanitiser = nodeSanitiser();

		it('lists added and changed files of the pathway, with both texts, and nothing else', () => {
			const before = published.markdown.get(LESSON) ?? '';
			const edited = new Map([
				[LESSON, before.replace('You do not need', 'Nobody needs')],
				[NEW_LESSON, NEW_TEXT],
				[OTHER, 'a draft of another pathway, not published with this one']
			]);
			const plan = planPublish(published, edited, PATHWAY, sanitiser);
			expect(plan.errors).toEqual([]);
			expect(plan.changes.map((c) => [c.change, c.kind, c.file, c.title])).toEqual([
				['changed', 'lesson', LESSON, 'Phones, tablets and computers'],
				['added', 'lesson', NEW_LESSON, 'A new lesson']
			]);
			expect(plan.changes[0]?.after).toContain('Nobody needs');
			expect(plan.changes[0]?.before).toBe(before);
			const lessons = plan.pathways.flatMap((p) => p.modules.flatMap((m) => m.lessons));
			expect(lessons.find((l) => l.file === NEW_LESSON)?.html).toContain('plain sentences');
			// The other pathway goes as published: the publish route replaces the whole set.
			expect(plan.pathways.map((p) => p.file)).toEqual([
				`${PATHWAY}/pathway.md`,
				'02-web-foundations/pathway.md'
			]);
			expect(plan.pathways[1]?.modules[0]?.source).not.toContain('another pathway');
		});

		it('sends the pathway’s pictures too, compiled as the CLI compiles them', () => {
			const plan = planPublish(published, new Map(), PATHWAY, sanitiser);
			expect(plan.changes).toEqual([]);
			expect(plan.pathways[0]?.media.length).toBeGreaterThan(0);
		});

		it('lists a moved lesson as moved, with its links following, and compiles', () => {
			const MODULE = `${PATHWAY}/02-staying-safe`;
			const edited = moveLesson(published.markdown, `${MODULE}/02-strong-passwords.md`, 1);
			const plan = planPublish(published, edited ?? new Map(), PATHWAY, sanitiser);
			expect(plan.errors).toEqual([]);
			const listed = plan.changes.map((c) => [c.change, c.file.split('/').slice(1).join('/')]);
			expect(listed).toContainEqual(['moved', '02-staying-safe/03-strong-passwords.md']);
			expect(listed).toContainEqual(['moved', '02-staying-safe/02-two-step-sign-in.md']);
			expect(listed.filter(([change]) => change === 'removed' || change === 'added')).toEqual([]);
			const moved = plan.changes.find((c) => c.file.endsWith('03-strong-passwords.md'));
			expect(moved?.from).toBe(`${MODULE}/02-strong-passwords.md`);
			expect(listed).toContainEqual(['changed', '03-email/01-what-email-is.md']);
			const module = plan.pathways[0]?.modules.find((m) => m.file === `${MODULE}/module.md`);
			expect(module?.lessons.map((l) => l.id).slice(1, 3)).toEqual([
				'de-two-step-sign-in',
				'de-strong-passwords'
			]);
		});

		it('publishes translations made in the browser, a pathway’s too, named by language', () => {
			const SAFE = `${PATHWAY}/02-staying-safe/01-staying-safe-online.md`;
			const urdu = newTranslation(published.markdown, SAFE, 'ur');
			const intro = `${PATHWAY}/pathway.pl.md`;
			const polish = (published.markdown.get(intro) ?? '').replace(/^title: .*$/m, 'title: Nowy');
			const edited = new Map([
				[urdu.file, urdu.text],
				[intro, polish]
			]);
			const plan = planPublish(published, edited, PATHWAY, sanitiser);
			expect(plan.errors).toEqual([]);
			expect(plan.changes.map((c) => [c.change, c.kind, c.language, c.file])).toEqual([
				['added', 'lesson', 'ur', urdu.file],
				['changed', 'pathway', 'pl', intro]
			]);
			expect(plan.pathways[0]?.translations?.pl?.title).toBe('Nowy');
			const lesson = plan.pathways[0]?.modules[1]?.lessons[0];
			expect(lesson?.translations?.ur?.status).toBe(DRAFT_STATUS);
		});

		it('refuses with each error located, and still lists the changes', () => {
			const broken = NEW_TEXT.replace('minutes: 5', 'minutes: five');
			const plan = planPublish(published, new Map([[NEW_LESSON, broken]]), PATHWAY, sanitiser);
			expect(plan.errors).toEqual([
				expect.objectContaining({ file: NEW_LESSON, line: 5, severity: 'error' })
			]);
			expect(plan.changes.map((c) => c.change)).toEqual(['added']);
		});
	}
);
