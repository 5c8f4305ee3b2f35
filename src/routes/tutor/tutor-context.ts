import { getContext, setContext } from 'svelte';
import type { TutorClient } from '$lib/tutor/tutor-client';

const TUTOR = Symbol('tutor');

/** The signed-in tutor's API client, set by the /tutor layout once the role is checked. */
export const setTutor = (client: TutorClient) => setContext(TUTOR, client);
export const getTutor = () => getContext<TutorClient>(TUTOR);
