/**
 * The phone has no room left for Clyde's IndexedDB: the browser refused a write with
 * QuotaExceededError and rolled its transaction back, so nothing saved earlier is touched.
 * The message is English, for logs and Node tools: screens show `t('storage_full')` instead
 * (the data layer runs in Node too, where the interface's messages are not loaded).
 */
export class StorageFullError extends Error {
	override name = 'StorageFullError';
	constructor() {
		super(
			'This phone is out of space for Clyde, so this was not saved. Free some space (for example, remove a downloaded pathway) and try again. Everything saved before is kept.'
		);
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
