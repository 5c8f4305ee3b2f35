import { ApiError, Offline } from '$lib/api/http';
import { StorageFullError } from '$lib/db/storage-full';

/** Why a download stopped, in words for the learner. What was stored so far is always kept. */
export function downloadProblem(error: unknown): string {
	if (error instanceof StorageFullError)
		return 'Your phone is out of space for Clyde. Free some space (or remove another download) and try again. Nothing you did is lost.';
	if (error instanceof Offline)
		return 'The connection dropped. What was downloaded is kept: try again to finish.';
	if (error instanceof ApiError)
		return `The server could not send the lessons (${error.message}). Try again later.`;
	return `The download stopped: ${(error as Error).message}`;
}
