import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../../scripts/content/compile';
import type { Diagnostic } from '../../../scripts/content/diagnostics';
import { loadContent } from '../../../scripts/content/load';
import { nodeSanitiser } from '../../../scripts/content/node-sanitiser';
import { checkLesson } from './lesson-check';
import { newTranslation } from './new-translation';

const CONTENT = resolve(import.meta.dirname, '../../../content');
const START = '01-digital-essentials/01-getting-started';
const POLISH = `${START}/02-the-internet-and-the-web.pl.md`;
const URDU = `${START}/01-phones-tablets-and-computers.ur.md`;
const FRENCH = `${START}/03-browsers-and-searching.fr.md`;
const SAFE = '01-digital-essentials/02-staying-safe/01-staying-safe-online.md';

// A compile of the whole curriculum takes seconds on a busy machine.
describe(
	'checkLesson on a translation: what content:check says of it',
	{ timeout: 60_000 },
	async () => {
		const input = await loadContent(CONTENT);
		const sanitiser = nodeSanitiser();
		const planted = new Map(input.markdown);
		const polish = planted.get(POLISH) ?? '';
		// A true-false answer turned round, and minutes changed: structure mistakes.
		planted.set(POLISH, polish.replace('    answer: false', '    answer: true'));
		planted.set(URDU, (planted.get(URDU) ?? '').replace(/^minutes: \d+/m, 'minutes: 99'));
		// A language the screens do not speak.
		planted.set(FRENCH, planted.get(`${START}/03-browsers-and-searching.pl.md`) ?? '');
		const fresh = newTranslation(planted, SAFE, 'ur');
		planted.set(fresh.file, fresh.text);
		const files = { markdown: planted, assets: input.assets };
		const compiled = compileContent(files, sanitiser);
		const ofFile = (file: string) => (d: Diagnostic) => d.file === file;
		const same = (file: string) =>
			expect(checkLesson(files, file, planted.get(file) ?? '', sanitiser).problems).toEqual(
				compiled.diagnostics.filter(ofFile(file))
			);

		it('reports a changed answer at its line, with content:check’s message', () => {
			const { problems } = checkLesson(files, POLISH, planted.get(POLISH) ?? '', sanitiser);
			const line = (planted.get(POLISH) ?? '').split('\n').indexOf('  - type: true-false') + 1;
			expect(problems).toContainEqual(
				expect.objectContaining({
					line,
					severity: 'error',
					message: 'question 1 must have the answer false, as in 02-the-internet-and-the-web.md'
				})
			);
			same(POLISH);
		});
		it('says what content:check says of changed minutes and of an unknown language', () => {
			same(URDU);
			same(FRENCH);
			expect(checkLesson(files, FRENCH, planted.get(FRENCH) ?? '', sanitiser).problems).toEqual([
				expect.objectContaining({ message: expect.stringMatching(/^"fr" is not a language/) })
			]);
		});
		it('finds no error in a new translation, nor in an untouched one', () => {
			same(fresh.file);
			const own = `${START}/01-phones-tablets-and-computers.pl.md`;
			for (const file of [fresh.file, own]) {
				const { problems } = checkLesson(files, file, planted.get(file) ?? '', sanitiser);
				expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
			}
		});
	}
);
