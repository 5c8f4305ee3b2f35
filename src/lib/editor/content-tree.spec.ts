import { describe, expect, it } from 'vitest';
import { contentTree, kindOf, titleOf } from './content-tree';

const file = (title: string) => `---\nid: x\ntitle: ${title}\n---\n\nText.\n`;

describe('contentTree', () => {
	it('nests lessons in modules in pathways, in the order of their numbers', () => {
		const tree = contentTree(
			new Map([
				['01-de/10-late/module.md', file('Late')],
				['01-de/2-early/01-one.md', file('One')],
				['01-de/pathway.md', file('Digital Essentials')],
				['01-de/2-early/module.md', file('Early')],
				['01-de/10-late/01-last.md', file("'Last'")],
				['01-de/2-early/02-two.md', 'no frontmatter']
			])
		);
		const shape = (items: typeof tree): unknown =>
			items.map((i) => (i.children.length ? [i.title, shape(i.children)] : i.title));
		expect(shape(tree)).toEqual([
			[
				'Digital Essentials',
				[
					['Early', ['One', 'two']],
					['Late', ['Last']]
				]
			]
		]);
	});

	it('shows a lesson whose module and pathway files are missing, under their folders', () => {
		const tree = contentTree(new Map([['01-de/03-safe/01-one.md', file('One')]]));
		expect(tree[0]).toMatchObject({ title: 'de', kind: 'pathway' });
		expect(tree[0]?.children[0]).toMatchObject({ title: 'safe', kind: 'module' });
	});

	it('shows translations under their lesson, pathway or module, by language and status', () => {
		const reviewed = '---\nid: x\nstatus: reviewed by Ola, 2026-11-30\n---\n';
		const draft = '---\nid: x\nstatus: draft — needs review by a native speaker\n---\n';
		const tree = contentTree(
			new Map([
				['01-de/pathway.md', file('DE')],
				['01-de/pathway.ar.md', draft],
				['01-de/01-safe/module.md', file('Safe')],
				['01-de/01-safe/module.pl.md', draft],
				['01-de/01-safe/01-one.md', file('One')],
				['01-de/01-safe/01-one.ar.md', draft],
				['01-de/01-safe/01-one.pl.md', reviewed],
				['01-de/01-safe/01-one.fr.md', draft],
				['01-de/01-safe/02-gone.pl.md', draft]
			])
		);
		const pathway = tree[0];
		const module = pathway?.children[0];
		expect(pathway?.translations).toEqual([
			{ file: '01-de/pathway.ar.md', language: 'ar', name: 'العربية', status: 'draft' }
		]);
		expect(module?.translations.map((t) => t.name)).toEqual(['Polski']);
		// The chooser's order (pl, ur, ar), then any other code, which its check reports.
		expect(module?.children[0]?.translations.map((t) => [t.name, t.status])).toEqual([
			['Polski', 'reviewed'],
			['العربية', 'draft'],
			['fr', 'draft']
		]);
		// With no original, a translation is listed where it is, to open and read its error.
		expect(module?.children.map((c) => c.file)).toEqual([
			'01-de/01-safe/01-one.md',
			'01-de/01-safe/02-gone.pl.md'
		]);
	});

	it('knows the kinds of file and reads titles', () => {
		expect(['a/pathway.md', 'a/b/module.md', 'a/b/01-c.md', 'a/b/c/d.md'].map(kindOf)).toEqual([
			'pathway',
			'module',
			'lesson',
			undefined
		]);
		expect(titleOf('a/b/01-c.md', '---\ntitle: "Quoted"\n---\n')).toBe('Quoted');
	});
});
