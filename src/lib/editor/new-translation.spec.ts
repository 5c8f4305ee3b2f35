import { describe, expect, it } from 'vitest';
import { DRAFT_STATUS, newTranslation, untranslatedLanguages } from './new-translation';

const M = '01-de/02-safe';
const LESSON = `---\nid: scams\ntitle: Scams\nminutes: 5\n---\n\nBody.\n`;
const files = new Map([
	[`${M}/01-scams.md`, LESSON],
	[`${M}/01-scams.pl.md`, LESSON],
	[`${M}/02-bare.md`, 'No frontmatter.'],
	['01-de/pathway.md', '---\nid: de\n---\n']
]);

describe('newTranslation', () => {
	it('offers the languages a file has no translation into yet, in the chooser’s order', () => {
		expect(untranslatedLanguages(files, `${M}/01-scams.md`)).toEqual(['ur', 'ar']);
		expect(untranslatedLanguages(files, '01-de/pathway.md')).toEqual(['pl', 'ur', 'ar']);
	});
	it('copies the original beside it, named for the language, marked a draft', () => {
		expect(newTranslation(files, `${M}/01-scams.md`, 'ur')).toEqual({
			file: `${M}/01-scams.ur.md`,
			text: `---\nid: scams\ntitle: Scams\nminutes: 5\nstatus: ${DRAFT_STATUS}\n---\n\nBody.\n`
		});
		expect(newTranslation(files, '01-de/pathway.md', 'ar').file).toBe('01-de/pathway.ar.md');
	});
	it('keeps Windows line ends and never writes two status lines', () => {
		const crlf = new Map([['a/b/01-x.md', '---\r\nid: x\r\nstatus: draft\r\n---\r\nB\r\n']]);
		expect(newTranslation(crlf, 'a/b/01-x.md', 'pl').text).toBe(
			`---\r\nid: x\r\nstatus: ${DRAFT_STATUS}\r\n---\r\nB\r\n`
		);
	});
	it('refuses another language, an existing translation and an original with no frontmatter', () => {
		expect(() => newTranslation(files, `${M}/01-scams.md`, 'fr')).toThrow(/"fr" is not a language/);
		expect(() => newTranslation(files, `${M}/01-scams.md`, 'pl')).toThrow(/exists already/);
		expect(() => newTranslation(files, `${M}/02-bare.md`, 'pl')).toThrow(/no frontmatter/);
		expect(() => newTranslation(files, `${M}/03-none.md`, 'pl')).toThrow(/no frontmatter/);
	});
});
