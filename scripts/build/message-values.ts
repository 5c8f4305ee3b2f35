import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * A language's messages as the phone gets them: the values only, in the order of the English
 * file's keys. Every language repeats the same 400-odd keys, a quarter of each file even after
 * brotli; the keys cross once instead (`keysOf`), not once per language. Keys starting with `$`
 * (the `$status` line of review) are for people, not the app. The source files stay as they are:
 * a translator reads and edits key and text side by side (docs/translating.md).
 */
export function valuesInOrder(keys: readonly string[], messages: Record<string, unknown>): unknown[] {
	return keys.map((key) => {
		if (!(key in messages)) throw new Error(`no message "${key}"`);
		return messages[key];
	});
}

/** The English file's keys, the order every language's values are shipped in. */
export function keysOf(english: Record<string, unknown>): string[] {
	return Object.keys(english).filter((key) => !key.startsWith('$'));
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** A module whose default export is `value`; said to be JavaScript, not the file's JSON. */
const moduleOf = (value: unknown) => ({
	code: `export default ${JSON.stringify(value)};`,
	moduleType: 'js' as const
});

/**
 * `messages/…/<language>.json?values` loads as a module of that language's values, and
 * `messages/…/en.json?keys` of the keys they go with. A missing message fails the build, naming
 * the file and the key.
 */
export function messageValues(): Plugin {
	return {
		name: 'clyde-message-values',
		enforce: 'pre',
		load(id) {
			const [file, query] = id.split('?');
			if (!file || !/[\\/]messages[\\/].*\.json$/.test(file)) return null;
			const keys = () => keysOf(read(join(dirname(file), 'en.json')));
			if (query === 'keys') return moduleOf(keys());
			if (query !== 'values') return null;
			this.addWatchFile(join(dirname(file), 'en.json'));
			try {
				return moduleOf(valuesInOrder(keys(), read(file)));
			} catch (error) {
				throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
			}
		}
	};
}
