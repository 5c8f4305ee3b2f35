import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../../scripts/content/content-files';
import { checkLessonSource } from '../../../scripts/content/check-lesson-source';
import { newLesson } from './new-lesson';
import { nodeSanitiser } from '../../../scripts/content/node-sanitiser';

const MODULE = '01-de/02-safe';
const texts = new Map([
	['01-de/pathway.md', '---\nid: de\n---\n'],
	[`${MODULE}/module.md`, '---\nid: de-safe\n---\n'],
	[`${MODULE}/01-scams.md`, '---\nid: your-data-abroad\n---\n'],
	[`${MODULE}/09-passwords.md`, '---\nid: de-passwords\n---\n'],
	['01-de/03-other/12-far.md', '---\nid: far\n---\n']
]);

describe('newLesson', () => {
	it('numbers it after the module’s last lesson and names it from its title', () => {
		expect(newLesson(texts, MODULE, 'Your data, abroad! Café').file).toBe(
			`${MODULE}/10-your-data-abroad-cafe.md`
		);
	});

	it('gives it an id no other file uses', () => {
		const { text } = newLesson(texts, MODULE, 'Your data abroad');
		expect(text).toMatch(/^id: your-data-abroad-2$/m);
	});

	it('starts with a text that passes the checks: the editor only has to write', () => {
		const lesson = newLesson(texts, MODULE, 'A "quoted" title');
		const markdown = new Map(texts).set(lesson.file, lesson.text);
		const { problems, meta } = checkLessonSource(lesson.file, lesson.text, {
			level: 'beginner',
			files: contentFiles(markdown, new Map()),
			sanitiser: nodeSanitiser()
		});
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(meta?.title).toBe('A "quoted" title');
	});
});
