import { describe, expect, it } from 'vitest';
import { SKILL_AREAS, SKILL_STATEMENTS, skillStatement } from './edsf';

describe('the framework data', () => {
	it('gives every statement a unique code that follows the documented scheme', () => {
		const codes = SKILL_STATEMENTS.map((s) => s.code);
		expect(new Set(codes).size).toBe(codes.length);
		for (const s of SKILL_STATEMENTS) {
			const expected =
				s.level === 'foundation'
					? /^FOUND-[1-9]\d*$/
					: new RegExp(`^${s.area}-${s.level === 'life' ? 'L' : 'W'}[1-9]\\d*$`);
			expect(s.code).toMatch(expected);
		}
	});

	it('numbers each area and level from 1 with no gaps', () => {
		const groups = new Map<string, number[]>();
		for (const s of SKILL_STATEMENTS) {
			const group = `${s.area}/${s.level}`;
			groups.set(group, [...(groups.get(group) ?? []), Number(/(\d+)$/.exec(s.code)?.[1])]);
		}
		for (const [group, numbers] of groups) {
			expect(numbers, group).toEqual(numbers.map((_, i) => i + 1));
		}
	});

	it('has foundation skills and the five areas, each with life and work statements', () => {
		expect(SKILL_AREAS.map((a) => a.id)).toEqual(['FOUND', 'COM', 'INFO', 'TRANS', 'PROB', 'SAFE']);
		for (const area of SKILL_AREAS.slice(1)) {
			const levels = new Set(
				SKILL_STATEMENTS.filter((s) => s.area === area.id).map((s) => s.level)
			);
			expect([...levels].sort(), area.id).toEqual(['life', 'work']);
		}
		expect(SKILL_STATEMENTS.filter((s) => s.area === 'FOUND')).toHaveLength(9);
	});

	it('looks codes up exactly', () => {
		expect(skillStatement('SAFE-L2')?.area).toBe('SAFE');
		expect(skillStatement('safe-l2')).toBeUndefined();
	});
});
