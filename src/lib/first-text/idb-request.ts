/** One IndexedDB request as a promise (the early lesson text reads and writes without Dexie). */
export function request<T>(req: IDBRequest): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result as T);
		req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
	});
}

/** Resolves when the transaction is on disk; rejects with why it was rolled back. */
export function committed(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		tx.onerror = () => {};
	});
}
