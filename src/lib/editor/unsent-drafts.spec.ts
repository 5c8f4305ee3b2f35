import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetUnsent, keepUnsent, openEditorDatabase, unsentOf } from './unsent-drafts';

describe('unsent drafts on the device', () => {
	const db = openEditorDatabase('unsent-drafts-spec');
	afterEach(() => db.unsent.clear());

	it('keeps the last text per user and file, and forgets it only once that text is sent', async () => {
		await keepUnsent(db, 'ann', 'a.md', 'one', 1);
		await keepUnsent(db, 'ann', 'a.md', 'one two', 1);
		await keepUnsent(db, 'bob', 'a.md', 'bob', 3);
		expect([...(await unsentOf(db, 'ann')).values()].map((r) => [r.file, r.text])).toEqual([
			['a.md', 'one two']
		]);
		// The server confirms an older text: the newer one stays.
		await forgetUnsent(db, 'ann', 'a.md', 'one');
		expect((await unsentOf(db, 'ann')).get('a.md')?.text).toBe('one two');
		await forgetUnsent(db, 'ann', 'a.md', 'one two');
		expect((await unsentOf(db, 'ann')).size).toBe(0);
		expect((await unsentOf(db, 'bob')).get('a.md')).toMatchObject({ text: 'bob', baseVersion: 3 });
	});
});
