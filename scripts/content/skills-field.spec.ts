import { describe, expect, it } from 'vitest';
import { compileContent, type ContentInput } from './compile';
import { formatDiagnostic } from './diagnostics';

const LESSON = '01-p/01-m/01-l.md';

function content(skillsYaml: string): ContentInput {
	const lesson = `---\nid: sk-lesson\ntitle: A lesson\nsummary: A lesson.\nminutes: 5\noutcomes:\n  - Learn\n${skillsYaml}---\n\nSome text.\n`;
	return {
		markdown: new Map([
			[
				'01-p/pathway.md',
				'---\nid: sk-p\ntitle: P\nsummary: P.\nlevel: beginner\noutcomes:\n  - Learn\n---\n'
			],
			['01-p/01-m/module.md', '---\nid: sk-m\ntitle: M\nsummary: M.\n---\n'],
			[LESSON, lesson]
		]),
		assets: new Map()
	};
}

const compile = (skillsYaml: string) => {
	const { pathways, diagnostics } = compileContent(content(skillsYaml));
	return {
		lesson: pathways[0]?.modules[0]?.lessons[0],
		messages: diagnostics.map(formatDiagnostic)
	};
};

describe('the skills field of a lesson', () => {
	it('publishes the codes with the lesson, and a change of codes changes its hash', () => {
		const tagged = compile('skills:\n  - COM-L1\n  - SAFE-L2\n');
		expect(tagged.messages).toEqual([]);
		expect(tagged.lesson?.skills).toEqual(['COM-L1', 'SAFE-L2']);
		const retagged = compile('skills: [COM-L1]\n');
		expect(retagged.lesson?.hash).not.toBe(tagged.lesson?.hash);
	});

	it('is optional: an untagged lesson publishes no codes', () => {
		const untagged = compile('');
		expect(untagged.messages).toEqual([]);
		expect(untagged.lesson?.skills).toEqual([]);
	});

	it('rejects each unknown code on its own line and column, suggesting the nearest real code', () => {
		const { lesson, messages } = compile('skills:\n  - COM-L1\n  - com-l2\n  - SAFE-L99\n');
		expect(lesson).toBeUndefined();
		expect(messages).toEqual([
			`${LESSON}:10:5  error: frontmatter: "skills › 2" "com-l2" is not an Essential Digital Skills code: did you mean "COM-L2" (Talk to people on video calls)? The codes are listed in docs/skills-coverage.md`,
			`${LESSON}:11:5  error: frontmatter: "skills › 3" "SAFE-L99" is not an Essential Digital Skills code: did you mean "SAFE-L9" (Respect copyright: not use content that belongs to others without permission)? The codes are listed in docs/skills-coverage.md`
		]);
	});

	it('places an unknown code written inline at its own column', () => {
		const { messages } = compile('skills: [COM-L1, COM-F1]\n');
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(
			/^01-p\/01-m\/01-l\.md:8:18 {2}error: .*"COM-F1" .*did you mean "COM-L1"/
		);
	});

	it('explains a field that is not a list of codes', () => {
		expect(compile('skills: COM-L1\n').messages[0]).toContain(
			'"skills" must be a list of codes, like [COM-L1, SAFE-L2]'
		);
		expect(compile('skills: []\n').messages[0]).toContain('"skills" needs at least one code');
		expect(compile('skills: [7]\n').messages[0]).toContain(
			'"skills › 1" must be a code, like COM-L1'
		);
	});
});
