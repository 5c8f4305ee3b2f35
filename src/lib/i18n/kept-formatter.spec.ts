import { describe, expect, it } from 'vitest';
import { keptFormatter } from './kept-formatter';

describe('keptFormatter', () => {
	it('makes a formatter once per key and hands back the same one', () => {
		let made = 0;
		const make = () => {
			made += 1;
			return new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
		};
		const first = keptFormatter('spec relative en-GB', make);
		expect(keptFormatter('spec relative en-GB', make)).toBe(first);
		expect(made).toBe(1);
		expect(first.format(-1, 'day')).toBe('yesterday');
	});

	it('keeps formatters of other keys apart', () => {
		const english = keptFormatter('spec percent en-GB', () => new Intl.NumberFormat('en-GB'));
		const polish = keptFormatter('spec percent pl', () => new Intl.NumberFormat('pl'));
		expect(polish).not.toBe(english);
		expect(polish.format(1234.5)).toBe(new Intl.NumberFormat('pl').format(1234.5));
	});
});
