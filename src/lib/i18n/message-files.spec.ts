import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keysOf, valuesInOrder } from '../../../scripts/build/message-values';
import type { Message } from './format-message';
import { LOCALES } from './locales';

// The checks a translation meets before it ships (docs/translating.md): every message there,
// nothing extra, the same placeholders, every plural form the language has, a review status,
// and small enough for a phone.

const DIR = new URL('../../../messages/', import.meta.url);
// The interface's messages, the skills framework's (skill-words.svelte.ts) and the tutor pages'
// (tutor-words.svelte.ts), each a set of its own.
const FILES = ['', 'skills/', 'tutor/'];
const read = (locale: string, folder = '') =>
	JSON.parse(readFileSync(new URL(`${folder}${locale}.json`, DIR), 'utf8')) as Record<
		string,
		Message
	>;
const keys = (messages: Record<string, Message>) =>
	Object.keys(messages).filter((key) => !key.startsWith('$'));
const placeholders = (message: Message) =>
	new Set(
		(typeof message === 'string' ? [message] : Object.values(message)).flatMap((text) =>
			[...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
		)
	);

describe('message files', () => {
	it.each(FILES)('has one file per language the chooser offers in "%s", and no other', (folder) => {
		const files = readdirSync(new URL(folder || '.', DIR)).filter((f) => f.endsWith('.json'));
		expect(files.sort()).toEqual(LOCALES.map((l) => `${l}.json`).sort());
	});

	describe.each(
		LOCALES.filter((l) => l !== 'en').flatMap((locale) => FILES.map((folder) => [folder, locale]))
	)('%s%s', (folder, locale) => {
		const messages = read(locale, folder);
		const english = read('en', folder);

		it('says whether a speaker has reviewed it', () => {
			expect(messages.$status).toMatch(/^(draft — needs review by a native speaker|reviewed)/);
		});

		it('has every English message and nothing else', () => {
			expect(keys(messages).filter((k) => !(k in english))).toEqual([]);
			expect(keys(english).filter((k) => !(k in messages))).toEqual([]);
		});

		it('keeps each message’s placeholders', () => {
			const wrong = keys(english).filter((key) => {
				const want = placeholders(english[key] as Message);
				const got = placeholders(messages[key] as Message);
				// A language may drop {count} from a form where the number is implied ("one").
				return (
					[...got].some((p) => !want.has(p)) || [...want].some((p) => p !== 'count' && !got.has(p))
				);
			});
			expect(wrong).toEqual([]);
		});

		it('gives every plural message each form the language uses', () => {
			const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
			const wrong = keys(english).filter((key) => {
				const message = messages[key];
				if (typeof english[key] === 'string') return typeof message !== 'string';
				return typeof message === 'string' || categories.some((c) => !(message && c in message));
			});
			expect(wrong).toEqual([]);
		});
	});

	// As shipped (scripts/build/message-values.ts): a language's values in the English order,
	// and the keys, which every language shares; a phone downloads both for the language it uses.
	it.each(LOCALES.flatMap((locale) => FILES.map((folder) => [folder, locale])))(
		'%s%s is at most 10 KB gzip as the phone gets it',
		(folder, locale) => {
			const order = keysOf(read('en', folder));
			const values = valuesInOrder(order, read(locale, folder));
			const size = gzipSync(JSON.stringify(values)).length + gzipSync(JSON.stringify(order)).length;
			expect(size).toBeLessThanOrEqual(10 * 1024);
		}
	);
});
