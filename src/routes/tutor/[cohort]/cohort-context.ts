import { getContext, setContext } from 'svelte';
import type { CohortLive } from '$lib/tutor/cohort-live.svelte';

const COHORT = Symbol('cohort');

/** The open cohort's live data, shared by its dashboard and its learners' pages. */
export const setCohort = (cohort: CohortLive) => setContext(COHORT, cohort);
export const getCohort = () => getContext<CohortLive>(COHORT);
