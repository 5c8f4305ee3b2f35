import { ApiError, Offline } from '$lib/api/http';
import { StorageFullError } from '$lib/db/storage-full';
import { t } from '$lib/i18n/i18n.svelte';

/** Why a download stopped, in words for the learner. What was stored so far is always kept. */
export function downloadProblem(error: unknown): string {
	if (error instanceof StorageFullError) return t('download_problem_full');
	if (error instanceof Offline) return t('download_problem_offline');
	if (error instanceof ApiError) return t('download_problem_server', { reason: error.message });
	return t('download_problem_other', { reason: (error as Error).message });
}
