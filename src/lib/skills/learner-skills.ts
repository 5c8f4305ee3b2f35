import { SKILL_AREAS, SKILL_STATEMENTS, type SkillArea, type SkillStatement } from './edsf';
import type { TaggedLesson, TaggedPathway } from './coverage';

export interface StatementProgress<L extends TaggedLesson = TaggedLesson> {
	statement: SkillStatement;
	/** Lessons done and tagged, in the pathway closest to achieving it. */
	done: number;
	total: number;
	/** The first lesson tagged with it and not done, in that pathway (none once achieved). */
	next?: L;
}

export interface AreaSkills<L extends TaggedLesson = TaggedLesson> {
	area: SkillArea;
	/** At least one lesson tagged with a statement of this area is done. */
	practised: boolean;
	achieved: SkillStatement[];
	/** Begun but not achieved: some of its lessons are done. */
	started: StatementProgress<L>[];
	/**
	 * Every statement a lesson teaches and not yet achieved: the started ones first, fewest
	 * lessons left first, then the rest in the framework's order. Statements no lesson teaches
	 * are left out: the learner could do nothing about them.
	 */
	toDo: StatementProgress<L>[];
}

interface Count<L> {
	done: number;
	total: number;
	next?: L;
}

/**
 * What a learner has practised and achieved of the framework, from the catalog and the
 * lessons they have done (whatever rule decides "done"; the caller applies it). Pure, so it
 * runs offline on the phone's own data.
 *
 * The rules (docs/authoring.md explains them to editors):
 * - an area is practised once any lesson tagged with one of its statements is done;
 * - a statement is achieved once, in some pathway, every lesson tagged with it is done. "Some
 *   pathway" rather than "every pathway the learner uses", so that starting a second pathway
 *   never takes an achievement away. Tagging a new lesson with a statement can.
 */
export function learnerSkills<L extends TaggedLesson>(
	pathways: readonly TaggedPathway<L>[],
	done: ReadonlySet<string>
): AreaSkills<L>[] {
	const best = new Map<string, Count<L>>();
	for (const pathway of pathways) {
		const counts = new Map<string, Count<L>>();
		for (const lesson of pathway.modules.flatMap((m) => m.lessons)) {
			for (const code of new Set(lesson.skills ?? [])) {
				const count = counts.get(code) ?? { done: 0, total: 0 };
				count.total += 1;
				if (done.has(lesson.id)) count.done += 1;
				else count.next ??= lesson;
				counts.set(code, count);
			}
		}
		for (const [code, count] of counts) {
			const previous = best.get(code);
			if (!previous || closer(count, previous)) best.set(code, count);
		}
	}
	return SKILL_AREAS.map((area) => {
		const progress: StatementProgress<L>[] = SKILL_STATEMENTS.filter((s) => s.area === area.id).map(
			(statement) => ({ statement, ...(best.get(statement.code) ?? { done: 0, total: 0 }) })
		);
		const started = progress.filter((p) => p.done > 0 && p.done < p.total);
		const left = (p: StatementProgress<L>) => p.total - p.done;
		return {
			area,
			practised: progress.some((p) => p.done > 0),
			achieved: progress.filter((p) => p.total > 0 && p.done === p.total).map((p) => p.statement),
			started,
			toDo: [
				...[...started].sort((a, b) => left(a) - left(b)),
				...progress.filter((p) => p.total > 0 && p.done === 0)
			]
		};
	});
}

/** Achieved beats not; then more lessons done; then fewer left to do. */
function closer(a: Count<unknown>, b: Count<unknown>): boolean {
	const achievedA = a.done === a.total;
	const achievedB = b.done === b.total;
	if (achievedA !== achievedB) return achievedA;
	if (a.done !== b.done) return a.done > b.done;
	return a.total - a.done < b.total - b.done;
}
