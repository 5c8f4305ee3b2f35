import { describe, expect, it } from 'vitest';
import { GUARD, guardLoops } from './loop-guard';

const g = `${GUARD}();`;

describe('guardLoops', () => {
	it('guards every kind of loop, braced or not', () => {
		expect(guardLoops('while (true) {}')).toBe(`while (true) {${g}}`);
		expect(guardLoops('for (;;) x++;')).toBe(`for (;;) {${g}x++;}`);
		expect(guardLoops('do x++; while (1)')).toBe(`do {${g}x++;} while (1)`);
		expect(guardLoops('for (const a of b) f(a)')).toBe(`for (const a of b) {${g}f(a)}`);
	});

	it('keeps labels, nesting and an else in place', () => {
		expect(guardLoops('outer: for (;;) { while (c) d(); }')).toBe(
			`outer: for (;;) {${g} while (c) {${g}d();} }`
		);
		expect(guardLoops('if (a) while (b) c(); else d();')).toBe(
			`if (a) while (b) {${g}c();} else d();`
		);
	});

	it('leaves code without loops, and loops in strings, alone', () => {
		const code = 'const s = "while (true) {}"; // for (;;)\nf();';
		expect(guardLoops(code)).toBe(code);
	});
});
