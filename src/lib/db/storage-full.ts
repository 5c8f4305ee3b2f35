import { t } from '$lib/i18n/i18n.svelte';

/**
 * The phone has no room left for Clyde's IndexedDB: the browser refused a write with
 * QuotaExceededError and rolled its transaction back, so nothing saved earlier is touched.
 * The message is for the learner, whole, in their language.
 */
export class StorageFullError extends Error {
	override name = 'StorageFullError';
	constructor() {
		super(t('storage_full'));
	}
}

/** Dexie wraps the browser's QuotaExceededError; look through the wrapping. */
export function isQuotaError(error: unknown): boolean {
	let current = error as { name?: string; inner?: unknown } | undefined;
	while (current) {
		if (current.name === 'QuotaExceededError') return true;
		current = current.inner as typeof current;
	}
	return false;
}
