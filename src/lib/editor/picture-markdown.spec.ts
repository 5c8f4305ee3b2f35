import { describe, expect, it } from 'vitest';
import { insertParagraph, pictureMarkdown } from './picture-markdown';

const apply = (text: string, cursor: number, block: string) => {
	const { at, insert, cursor: after } = insertParagraph(text, cursor, block);
	const next = text.slice(0, at) + insert + text.slice(at);
	return { next, after: next.slice(0, after) };
};

describe('a picture’s Markdown', () => {
	it('has its alt text, path and caption', () => {
		expect(pictureMarkdown('A router', 'images/router.webp', 'Your router')).toBe(
			'![A router](images/router.webp "Your router")'
		);
		expect(pictureMarkdown('A router', 'images/router.webp', '  ')).toBe(
			'![A router](images/router.webp)'
		);
	});

	it('keeps brackets, quotes and line breaks typed in the alt text and caption from breaking it', () => {
		expect(pictureMarkdown('The [OK]\nbutton', 'images/ok.webp', 'Tap "OK"')).toBe(
			'![The \\[OK\\] button](images/ok.webp "Tap \\"OK\\"")'
		);
	});
});

describe('inserting a picture as its own paragraph', () => {
	const lesson = '---\nid: a\n---\n\nFirst paragraph.\n\nSecond.\n';

	it('goes after the cursor’s paragraph, with a blank line before and after', () => {
		const cursor = lesson.indexOf('paragraph');
		const { next, after } = apply(lesson, cursor, '![P](images/p.webp)');
		expect(next).toBe('---\nid: a\n---\n\nFirst paragraph.\n\n![P](images/p.webp)\n\nSecond.\n');
		expect(after.endsWith('![P](images/p.webp)')).toBe(true);
	});

	it('never splits a paragraph written over several lines', () => {
		const text = 'One line\nand the next.\n\nAfter.\n';
		expect(apply(text, 2, 'X').next).toBe('One line\nand the next.\n\nX\n\nAfter.\n');
		expect(apply('Last\nlines', 1, 'X').next).toBe('Last\nlines\n\nX\n');
	});

	it('on a blank line, adds no more blank lines than it needs', () => {
		const cursor = lesson.indexOf('\n\nSecond') + 1;
		expect(apply(lesson, cursor, 'X').next).toBe(
			'---\nid: a\n---\n\nFirst paragraph.\n\nX\n\nSecond.\n'
		);
	});

	it('at the end of a text with no final newline, ends the text with one', () => {
		expect(apply('Words.', 3, 'X').next).toBe('Words.\n\nX\n');
	});

	it('with the cursor in the frontmatter, goes at the end of the lesson', () => {
		expect(apply(lesson, 0, 'X').next).toBe(`${lesson}\nX\n`);
	});
});
