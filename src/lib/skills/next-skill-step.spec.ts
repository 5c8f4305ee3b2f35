import { describe, expect, it } from 'vitest';
import { makePathway } from '../../../tests/factories/catalog';
import { byLesson } from '$lib/progress/derive';
import type { LessonSummary } from '$lib/progress/lesson-summary';
import type { NextStep } from '$lib/progress/next-step';
import { nextSkillStep } from './next-skill-step';

/** Pathway p: two modules of two lessons; only the lessons named get codes. */
function tagged(codes: Record<string, string[]>) {
	const pathway = makePathway('p', 2, 2);
	for (const lesson of pathway.modules.flatMap((m) => m.lessons)) {
		const skills = codes[lesson.id];
		if (skills) lesson.skills = skills;
	}
	return pathway;
}

function summary(lesson: string, state: 'opened' | 'done', minute: number): LessonSummary {
	const at = new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
	return {
		lesson,
		module: lesson.slice(0, 4),
		pathway: 'p',
		state,
		touched: true,
		completed: state === 'done',
		quizPassed: false,
		firstAt: at,
		lastAt: at
	};
}

const brief = (step: NextStep | undefined) =>
	step && (step.kind === 'complete' ? 'complete' : `${step.kind} ${step.target.lesson.id}`);

describe('nextSkillStep', () => {
	it("is home's next step when that lesson teaches a skill", () => {
		const p = tagged({ 'p-m1-l1': ['FOUND-1'], 'p-m1-l2': ['COM-L1'] });
		expect(brief(nextSkillStep([p], byLesson([])))).toBe('start p-m1-l1');
		const rows = [summary('p-m1-l1', 'done', 1)];
		expect(brief(nextSkillStep([p], byLesson(rows)))).toBe('continue p-m1-l2');
	});

	it('skips lessons without a known code to the first one not done that has one', () => {
		const p = tagged({ 'p-m1-l2': ['AI-L1'], 'p-m2-l2': ['SAFE-L1'] });
		expect(brief(nextSkillStep([p], byLesson([summary('p-m1-l1', 'opened', 1)])))).toBe(
			'continue p-m2-l2'
		);
	});

	it('is undefined once every lesson that teaches a skill is done', () => {
		const p = tagged({ 'p-m1-l1': ['FOUND-1'] });
		expect(nextSkillStep([p], byLesson([summary('p-m1-l1', 'done', 1)]))).toBeUndefined();
	});
});
