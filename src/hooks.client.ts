import type { HandleClientError } from '@sveltejs/kit';
import { isScreenNotKept, SCREEN_NOT_KEPT } from '$lib/pwa/screen-not-kept';

// A screen whose code is not on the phone yet gets its own words on the error page instead of
// "Something went wrong" (+error.svelte); any other error keeps SvelteKit's default.
export const handleError: HandleClientError = ({ error }) =>
	isScreenNotKept(error) ? { message: SCREEN_NOT_KEPT } : undefined;
