import { describe, expect, it } from 'vitest';
import { SKILL_STATEMENTS } from './edsf';
import { nearestSkillCode } from './nearest-code';

describe('nearestSkillCode', () => {
	it.each([
		['com-l1', 'COM-L1'],
		['SAFE L3', 'SAFE-L3'],
		['info_w2', 'INFO-W2'],
		['COM-F1', 'COM-L1'],
		['FOUND-F2', 'FOUND-2'],
		['TRNS-L2', 'TRANS-L2'],
		['SAFE-L11', 'SAFE-L1'],
		['PROB-W9', 'PROB-W1']
	])('suggests %s → %s', (typed, meant) => {
		expect(nearestSkillCode(typed)).toBe(meant);
	});

	it('finds every real code as itself', () => {
		for (const { code } of SKILL_STATEMENTS) expect(nearestSkillCode(code)).toBe(code);
	});
});
