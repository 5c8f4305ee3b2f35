import type { CatalogLesson, CatalogModule, CatalogPathway } from '$lib/content/catalog-types';
import type { Summaries } from './derive';

export interface StepTarget {
	module: CatalogModule;
	lesson: CatalogLesson;
}

/** The one thing to offer a learner next. */
export type NextStep =
	| { kind: 'start'; pathway: CatalogPathway; target: StepTarget }
	| { kind: 'continue'; pathway: CatalogPathway; target: StepTarget }
	| { kind: 'complete'; pathway: CatalogPathway };

/**
 * Where to go next in one pathway: its first lesson if nothing was touched yet; the lesson
 * worked on last if it is not done; otherwise the first lesson not done after it (then from
 * the start, for a lesson skipped on the way); 'complete' once every lesson is done.
 * "Last" is by the device's clock of the latest event on each lesson.
 */
export function pathwayNextStep(pathway: CatalogPathway, summaries: Summaries): NextStep {
	const flat = pathway.modules.flatMap((module) =>
		module.lessons.map((lesson) => ({ module, lesson }))
	);
	let latest = -1;
	let latestAt = '';
	flat.forEach(({ lesson }, i) => {
		const at = summaries.get(lesson.id)?.lastAt;
		if (at !== undefined && at >= latestAt) {
			latest = i;
			latestAt = at;
		}
	});
	const first = flat[0];
	if (latest < 0) {
		return first ? { kind: 'start', pathway, target: first } : { kind: 'complete', pathway };
	}
	const notDone = (i: number) => summaries.get(flat[i]?.lesson.id ?? '')?.state !== 'done';
	const order = [...flat.keys()];
	const next = [...order.slice(latest), ...order.slice(0, latest)].find(notDone);
	const target = next === undefined ? undefined : flat[next];
	return target ? { kind: 'continue', pathway, target } : { kind: 'complete', pathway };
}

/**
 * The home screen's one next step: carry on in the pathway worked on last; once that is
 * complete, the next pathway not complete (one already begun first); once all are complete,
 * the last one's achievement. Undefined only with no pathways at all.
 */
export function homeNextStep(
	pathways: readonly CatalogPathway[],
	summaries: Summaries
): NextStep | undefined {
	const steps = pathways.map((pathway) => ({
		step: pathwayNextStep(pathway, summaries),
		lastAt: lastActivity(pathway, summaries)
	}));
	const byRecency = [...steps].sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1));
	const open =
		byRecency.find((s) => s.step.kind === 'continue') ?? steps.find((s) => s.step.kind === 'start');
	return (open ?? byRecency[0])?.step;
}

/** The latest event on any lesson of the pathway, or '' for none. */
export function lastActivity(pathway: CatalogPathway, summaries: Summaries): string {
	let latest = '';
	for (const module of pathway.modules) {
		for (const lesson of module.lessons) {
			const at = summaries.get(lesson.id)?.lastAt;
			if (at && at > latest) latest = at;
		}
	}
	return latest;
}
