import { describe, expect, it } from 'vitest';
import { pathwayCoverage, type TaggedLesson } from './coverage';
import { SKILL_STATEMENTS } from './edsf';

const lesson = (id: string, skills?: string[]): TaggedLesson => ({
	id,
	title: `Lesson ${id}`,
	skills
});

function pathway(...modules: TaggedLesson[][]) {
	return { id: 'p', title: 'P', modules: modules.map((lessons) => ({ lessons })) };
}

describe('pathwayCoverage', () => {
	it('lists every statement with the lessons that cover it, in pathway order, and counts what is covered', () => {
		const a = lesson('a', ['COM-L1', 'SAFE-L2']);
		const b = lesson('b', ['SAFE-L2']);
		const c = lesson('c', ['FOUND-1', 'SAFE-L2', 'SAFE-L2']);
		const coverage = pathwayCoverage(pathway([a, b], [c]));

		expect(coverage.areas.map((x) => [x.area.id, x.covered])).toEqual([
			['FOUND', 1],
			['COM', 1],
			['INFO', 0],
			['TRANS', 0],
			['PROB', 0],
			['SAFE', 1]
		]);
		const safe = coverage.areas.find((x) => x.area.id === 'SAFE');
		expect(safe?.statements.find((s) => s.statement.code === 'SAFE-L2')?.lessons).toEqual([
			a,
			b,
			c
		]);
		expect(safe?.statements.find((s) => s.statement.code === 'SAFE-L1')?.lessons).toEqual([]);
		expect(coverage.covered).toBe(3);
		expect(coverage.total).toBe(SKILL_STATEMENTS.length);
		expect(coverage.areas.flatMap((x) => x.statements)).toHaveLength(SKILL_STATEMENTS.length);
		expect(coverage.lessons).toBe(3);
		expect(coverage.untagged).toEqual([]);
	});

	it('names untagged lessons, and codes the framework does not have, instead of dropping them', () => {
		const old = lesson('old');
		const empty = lesson('empty', []);
		const future = lesson('future', ['COM-L1', 'AI-L1']);
		const coverage = pathwayCoverage(pathway([old, empty, future]));
		expect(coverage.untagged).toEqual([old, empty]);
		expect(coverage.unknown).toEqual([{ lesson: future, code: 'AI-L1' }]);
		expect(coverage.covered).toBe(1);
	});

	it('covers nothing in a pathway with no lessons', () => {
		const coverage = pathwayCoverage(pathway());
		expect(coverage.covered).toBe(0);
		expect(coverage.lessons).toBe(0);
	});
});
