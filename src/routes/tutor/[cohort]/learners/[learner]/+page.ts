import type { SharedCode } from '$lib/tutor/shared-code';
import type { TimelineEvent } from '$lib/tutor/tutor-client';
import type { PageLoad } from './$types';

/**
 * The learner's events, for their timeline (the dashboard itself holds only what they add up
 * to), and the code they sent. Loaded again (`clyde:timeline`) when the cohort's live data
 * says they did something.
 */
export const load: PageLoad = async ({ parent, params, depends }) => {
	depends('clyde:timeline');
	const data = await parent();
	if (data.access !== 'ready')
		return { timeline: [] as TimelineEvent[], shared: [] as SharedCode[] };
	const [timeline, shared] = await Promise.all([
		data.tutor.timeline(params.learner),
		data.tutor.sharedCode(params.learner)
	]);
	return { timeline, shared };
};
