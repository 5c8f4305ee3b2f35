import type { CatalogPathway } from '$lib/content/catalog-types';
import type { Summaries } from '$lib/progress/derive';
import { homeNextStep, type NextStep } from '$lib/progress/next-step';
import { skillStatement } from './edsf';

/**
 * The skills screen's one next step: the lesson home offers (so the two screens never send
 * the learner two ways) when it teaches a skill; otherwise the first lesson not done that
 * does, in catalog order. Undefined once every lesson that teaches a skill is done.
 */
export function nextSkillStep(
	pathways: readonly CatalogPathway[],
	summaries: Summaries
): NextStep | undefined {
	const home = homeNextStep(pathways, summaries);
	if (home && home.kind !== 'complete' && teaches(home.target.lesson)) return home;
	for (const pathway of pathways) {
		for (const module of pathway.modules) {
			for (const lesson of module.lessons) {
				if (summaries.get(lesson.id)?.state !== 'done' && teaches(lesson)) {
					return { kind: 'continue', pathway, target: { module, lesson } };
				}
			}
		}
	}
	return undefined;
}

/** Tagged with a statement the framework knows (a newer catalog may carry codes we do not). */
function teaches(lesson: { skills?: readonly string[] }): boolean {
	return (lesson.skills ?? []).some((code) => skillStatement(code) !== undefined);
}
