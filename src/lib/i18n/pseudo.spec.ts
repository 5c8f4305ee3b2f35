import { describe, expect, it } from 'vitest';
import { pseudoMessages, pseudoText } from './pseudo';

describe('the pseudo-locale', () => {
	it('accents every letter and brackets the message, keeping placeholders', () => {
		expect(pseudoText('Start {title} now')).toBe('⟦Šţàŕţ {title} ñöŵ⟧');
		expect(pseudoText('3 of 4')).toBe('⟦3 öƒ 4⟧');
	});

	it('leaves no ASCII letter outside the placeholders', () => {
		const out = pseudoMessages({
			a: 'Hello World',
			b: { one: 'one {count}', other: 'many {count}' }
		});
		for (const text of Object.values(out).flatMap((m) =>
			typeof m === 'string' ? [m] : Object.values(m)
		))
			expect(text.replace(/\{\w+\}/g, '')).not.toMatch(/[a-z]/i);
	});
});
