import { SKILL_AREAS, SKILL_STATEMENTS, type SkillArea, type SkillStatement } from './edsf';

/** What coverage needs of a lesson: the compiled catalog and the phone's catalog both fit. */
export interface TaggedLesson {
	id: string;
	title: string;
	/** Absent in catalogs stored before lessons carried their codes. */
	skills?: readonly string[];
}

export interface TaggedPathway<L extends TaggedLesson> {
	id: string;
	title: string;
	modules: readonly { lessons: readonly L[] }[];
}

export interface StatementCoverage<L> {
	statement: SkillStatement;
	/** The lessons tagged with it, in pathway order; empty when it is missing. */
	lessons: L[];
}

export interface AreaCoverage<L> {
	area: SkillArea;
	statements: StatementCoverage<L>[];
	covered: number;
}

export interface PathwayCoverage<L> {
	pathway: { id: string; title: string };
	/** Foundation skills, then the five areas, each with every statement, covered or not. */
	areas: AreaCoverage<L>[];
	covered: number;
	total: number;
	lessons: number;
	/** Lessons with no code at all. */
	untagged: L[];
	/** Codes the framework does not have (a catalog from newer content), with their lesson. */
	unknown: { lesson: L; code: string }[];
}

/**
 * Which statements of the framework a pathway's lessons are tagged with, by which lessons,
 * and which statements no lesson covers. Pure: the CLI (`npm run content:coverage`) feeds it
 * the compiled content; an editor screen can feed it the same.
 */
export function pathwayCoverage<L extends TaggedLesson>(
	pathway: TaggedPathway<L>
): PathwayCoverage<L> {
	const lessons = pathway.modules.flatMap((m) => m.lessons);
	const byCode = new Map<string, L[]>(SKILL_STATEMENTS.map((s) => [s.code, []]));
	const unknown: { lesson: L; code: string }[] = [];
	for (const lesson of lessons) {
		for (const code of new Set(lesson.skills ?? [])) {
			const tagged = byCode.get(code);
			if (tagged) tagged.push(lesson);
			else unknown.push({ lesson, code });
		}
	}
	const areas = SKILL_AREAS.map((area) => {
		const statements = SKILL_STATEMENTS.filter((s) => s.area === area.id).map((statement) => ({
			statement,
			lessons: byCode.get(statement.code) ?? []
		}));
		return { area, statements, covered: statements.filter((s) => s.lessons.length > 0).length };
	});
	return {
		pathway: { id: pathway.id, title: pathway.title },
		areas,
		covered: areas.reduce((sum, a) => sum + a.covered, 0),
		total: SKILL_STATEMENTS.length,
		lessons: lessons.length,
		untagged: lessons.filter((l) => (l.skills ?? []).length === 0),
		unknown
	};
}
