import { describe, expect, it } from 'vitest';
import { FileReport } from '../../../scripts/content/diagnostics';
import { readFrontmatter } from '../../../scripts/content/frontmatter';
import { moduleFrontmatter } from '../../../scripts/content/schemas';
import { followAssets } from './follow-assets';
import { lessonsOf, moveLesson, moveLessonTo, removeLesson } from './lesson-order';
import { modulesOf, moveModule, removeModule } from './module-order';
import { newModule } from './new-module';
import { retitle } from './retitle';

const M = '01-de/02-safe';
const files = new Map([
	['01-de/pathway.md', '---\nid: de\ntitle: DE\n---\n'],
	[`${M}/module.md`, '---\nid: de-safe\ntitle: Safe\n---\n'],
	[`${M}/01-scams.md`, '---\nid: scams\ntitle: Scams\n---\nNext: [it](02-passwords.md)'],
	[`${M}/01-scams.pl.md`, '---\ntitle: Oszustwa\n---\nA pl'],
	[`${M}/02-passwords.md`, '---\nid: passwords\ntitle: Passwords\n---\nB'],
	[`${M}/10-wifi.md`, '---\nid: wifi\ntitle: Wi-Fi\n---\nC'],
	['01-de/03-other/01-far.md', '---\nid: far\n---\nSee [scams](../02-safe/01-scams.md#top).']
]);

describe('retitle', () => {
	it('changes only the title line of the frontmatter', () => {
		const text = '---\nid: scams\ntitle: Scams\nsummary: x\n---\ntitle: in the body\n';
		expect(retitle(text, ' Spot a "scam" ')).toBe(
			'---\nid: scams\ntitle: "Spot a \\"scam\\""\nsummary: x\n---\ntitle: in the body\n'
		);
	});
	it('adds a title where there is none, and refuses a file without frontmatter', () => {
		expect(retitle('---\nid: a\n---\nBody', 'New')).toBe('---\nid: a\ntitle: "New"\n---\nBody');
		expect(() => retitle('Just a body', 'New')).toThrow(/no frontmatter/);
	});
});

describe('moveLesson', () => {
	it('lists a module’s lessons in number order, without translations', () => {
		expect(lessonsOf(files, M)).toEqual([
			`${M}/01-scams.md`,
			`${M}/02-passwords.md`,
			`${M}/10-wifi.md`
		]);
	});
	it('swaps the numbers of a lesson and its neighbour, translations and ids going along', () => {
		const drafts = moveLesson(files, `${M}/01-scams.md`, 1);
		expect([...(drafts ?? [])]).toEqual([
			[`${M}/02-scams.md`, '---\nid: scams\ntitle: Scams\n---\nNext: [it](01-passwords.md)'],
			[`${M}/02-scams.pl.md`, files.get(`${M}/01-scams.pl.md`)],
			[`${M}/01-passwords.md`, files.get(`${M}/02-passwords.md`)],
			['01-de/03-other/01-far.md', '---\nid: far\n---\nSee [scams](../02-safe/02-scams.md#top).'],
			[`${M}/01-scams.md`, ''],
			[`${M}/01-scams.pl.md`, ''],
			[`${M}/02-passwords.md`, '']
		]);
	});
	it('moves up past a gap in the numbers, and not past either end', () => {
		const drafts = moveLesson(files, `${M}/10-wifi.md`, -1);
		expect(drafts?.get(`${M}/02-wifi.md`)).toContain('id: wifi');
		expect(drafts?.get(`${M}/10-passwords.md`)).toContain('id: passwords');
		expect(moveLesson(files, `${M}/10-wifi.md`, 1)).toBeUndefined();
		expect(moveLesson(files, `${M}/01-scams.md`, -1)).toBeUndefined();
	});
});

describe('removeLesson', () => {
	it('removes a lesson with its translations', () => {
		expect([...removeLesson(files, `${M}/01-scams.md`)]).toEqual([
			[`${M}/01-scams.md`, ''],
			[`${M}/01-scams.pl.md`, '']
		]);
	});
});

describe('moveLessonTo', () => {
	it('puts a lesson and its translations last in another module, links and id going along', () => {
		const drafts = moveLessonTo(files, `${M}/01-scams.md`, '01-de/03-other');
		// 03-other has no module.md in these files: there is no such module to move to.
		expect(drafts).toBeUndefined();
		const withModule = new Map(files).set('01-de/03-other/module.md', '---\nid: other\n---\n');
		const moved = moveLessonTo(withModule, `${M}/01-scams.md`, '01-de/03-other');
		expect([...(moved ?? [])]).toEqual([
			[
				'01-de/03-other/02-scams.md',
				'---\nid: scams\ntitle: Scams\n---\nNext: [it](../02-safe/02-passwords.md)'
			],
			['01-de/03-other/02-scams.pl.md', files.get(`${M}/01-scams.pl.md`)],
			['01-de/03-other/01-far.md', '---\nid: far\n---\nSee [scams](02-scams.md#top).'],
			[`${M}/01-scams.md`, ''],
			[`${M}/01-scams.pl.md`, '']
		]);
		expect(moveLessonTo(withModule, `${M}/01-scams.md`, M)).toBeUndefined();
	});
});

describe('moving and removing modules', () => {
	const two = new Map(files).set('01-de/03-other/module.md', '---\nid: other\n---\n');

	it('lists a pathway’s modules in number order', () => {
		expect(modulesOf(two, '01-de')).toEqual([`${M}/module.md`, '01-de/03-other/module.md']);
	});

	it('swaps two modules’ folder numbers, every file going along, links followed', () => {
		const drafts = moveModule(two, '01-de/03-other/module.md', -1);
		expect(drafts?.get('01-de/02-other/01-far.md')).toBe(
			'---\nid: far\n---\nSee [scams](../03-safe/01-scams.md#top).'
		);
		expect(drafts?.get('01-de/03-safe/01-scams.md')).toBe(files.get(`${M}/01-scams.md`));
		expect(drafts?.get('01-de/03-safe/01-scams.pl.md')).toBe(files.get(`${M}/01-scams.pl.md`));
		expect(drafts?.get('01-de/03-safe/module.md')).toContain('id: de-safe');
		expect(drafts?.get(`${M}/module.md`)).toBe('');
		expect(drafts?.get('01-de/03-other/module.md')).toBe('');
		// Texts first, removals last.
		const values = [...(drafts?.values() ?? [])];
		expect(values.slice(values.indexOf(''))).toEqual(values.filter((v) => v === ''));
		expect(moveModule(two, '01-de/03-other/module.md', 1)).toBeUndefined();
	});

	it('removes a module with every file in it, its module.md last', () => {
		expect([...removeModule(two, `${M}/module.md`).keys()]).toEqual([
			`${M}/01-scams.md`,
			`${M}/01-scams.pl.md`,
			`${M}/02-passwords.md`,
			`${M}/10-wifi.md`,
			`${M}/module.md`
		]);
	});
});

describe('followAssets', () => {
	const dot = new Uint8Array([1]);
	const map = new Uint8Array([2]);
	const assets = new Map([
		[`${M}/images/dot.png`, dot],
		[`${M}/images/map.png`, map]
	]);
	const published = new Map([
		[`${M}/module.md`, '---\nid: de-safe\n---\n'],
		[`${M}/01-scams.md`, '---\nid: scams\n---\n![A dot](images/dot.png)']
	]);

	it('copies a moved module’s pictures to its new folder', () => {
		const edited = new Map([['01-de/05-safe/module.md', '---\nid: de-safe\n---\n']]);
		const out = followAssets(published, edited, assets);
		expect(out.get('01-de/05-safe/images/dot.png')).toBe(dot);
		expect(out.get('01-de/05-safe/images/map.png')).toBe(map);
		expect(out.get(`${M}/images/dot.png`)).toBe(dot);
	});

	it('copies only the pictures a moved lesson places, and nothing for one that stayed', () => {
		const edited = new Map([
			['01-de/03-other/04-scams.md', '---\nid: scams\n---\n![A dot](images/dot.png)']
		]);
		const out = followAssets(published, edited, assets);
		expect([...out.keys()]).toEqual([...assets.keys(), '01-de/03-other/images/dot.png']);
		expect(followAssets(published, published, assets)).toEqual(assets);
	});
});

describe('newModule', () => {
	it('numbers its folder after the pathway’s last module, with frontmatter that passes', () => {
		const module = newModule(files, '01-de', 'Safe');
		expect(module.file).toBe('01-de/04-safe/module.md');
		expect(module.text).toContain('id: safe\n');
		const report = new FileReport(module.file, module.text);
		const parsed = readFrontmatter(module.text, moduleFrontmatter, report);
		expect(report.diagnostics).toEqual([]);
		expect(parsed?.meta?.title).toBe('Safe');
	});
});
