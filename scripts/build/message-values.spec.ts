import { describe, expect, it } from 'vitest';
import { keysOf, valuesInOrder } from './message-values';

describe('messages shipped as values in the English order', () => {
	const english = { nav_home: 'Home', week_done: { one: 'One', other: 'Many' } };
	const polish = {
		$status: 'draft — needs review by a native speaker',
		week_done: { one: 'Jedna', few: 'Kilka', many: 'Wiele', other: 'Wiele' },
		nav_home: 'Start'
	};

	it('keeps the keys of the English file, without the $ lines for people', () => {
		expect(keysOf({ $status: 'reviewed', ...english })).toEqual(['nav_home', 'week_done']);
	});

	it("puts each language's messages in the order of those keys, plural forms whole", () => {
		const keys = keysOf(english);
		expect(valuesInOrder(keys, polish)).toEqual([
			'Start',
			{ one: 'Jedna', few: 'Kilka', many: 'Wiele', other: 'Wiele' }
		]);
		const messages = Object.fromEntries(keys.map((k, i) => [k, valuesInOrder(keys, polish)[i]]));
		expect(messages).toEqual({ nav_home: 'Start', week_done: polish.week_done });
	});

	it('names a message a language lacks', () => {
		expect(() => valuesInOrder(['nav_home', 'nav_settings'], polish)).toThrow(
			'no message "nav_settings"'
		);
	});
});
