import { describe, expect, it } from 'vitest';
import { SKILL_STATEMENTS } from '$lib/skills/edsf';
import { coverageOfFiles } from './files-coverage';

const lesson = (id: string, skills: string) =>
	`---\nid: ${id}\ntitle: Lesson ${id}\nsummary: S\nminutes: 5\nskills: ${skills}\n---\n\nText.\n`;

const files = new Map([
	['01-p/pathway.md', '---\nid: p\ntitle: A pathway\n---\n'],
	['01-p/01-m/module.md', '---\nid: m\ntitle: A module\n---\n'],
	['01-p/01-m/01-a.md', lesson('a', '[FOUND-1, COM-L1]')],
	['01-p/01-m/02-b.md', lesson('b', '[FOUND-1, NOPE-9]')],
	['01-p/01-m/03-c.md', '---\nid: c\ntitle: [unclosed\n---\n'],
	['02-q/pathway.md', '---\nid: q\ntitle: Another\n---\n'],
	['02-q/01-m/module.md', '---\nid: m2\ntitle: M\n---\n'],
	['02-q/01-m/01-z.md', lesson('z', '[SAFE-L1]')]
]);

describe('coverageOfFiles', () => {
	it("counts the pathway's own lessons' codes, with the lessons that carry each", () => {
		const c = coverageOfFiles(files, '01-p/pathway.md');
		expect(c?.pathway).toEqual({ id: '01-p', title: 'A pathway' });
		expect(c?.lessons).toBe(3);
		expect(c?.covered).toBe(2);
		expect(c?.total).toBe(SKILL_STATEMENTS.length);
		const found1 = c?.areas
			.flatMap((a) => a.statements)
			.find((s) => s.statement.code === 'FOUND-1');
		expect(found1?.lessons.map((l) => l.id)).toEqual(['a', 'b']);
		const safe = c?.areas.flatMap((a) => a.statements).find((s) => s.statement.code === 'SAFE-L1');
		expect(safe?.lessons).toEqual([]);
	});

	it('names unknown codes and counts a lesson it cannot read as untagged', () => {
		const c = coverageOfFiles(files, '01-p/pathway.md');
		expect(c?.unknown.map((u) => [u.lesson.id, u.code])).toEqual([['b', 'NOPE-9']]);
		expect(c?.untagged.map((l) => l.file)).toEqual(['01-p/01-m/03-c.md']);
	});

	it('follows the text as edited, and knows no pathway that is not there', () => {
		const edited = new Map(files).set('01-p/01-m/03-c.md', lesson('c', '[SAFE-L1]'));
		expect(coverageOfFiles(edited, '01-p/pathway.md')?.covered).toBe(3);
		expect(coverageOfFiles(files, '09-x/pathway.md')).toBeUndefined();
	});
});
