/** The error a browser's IndexedDB gives when the disk is full. */
export function quotaError(): Error {
	const error = new Error('quota');
	error.name = 'QuotaExceededError';
	return error;
}

/** Makes call number `nth` of `table.bulkPut` fail as on a full disk; the others write. */
export function fullOnBulkPut<T extends { bulkPut(...args: never[]): Promise<unknown> }>(
	table: T,
	nth: number
): void {
	const original = table.bulkPut.bind(table) as T['bulkPut'];
	let calls = 0;
	table.bulkPut = ((...args: Parameters<T['bulkPut']>) =>
		++calls === nth ? Promise.reject(quotaError()) : original(...args)) as T['bulkPut'];
}
