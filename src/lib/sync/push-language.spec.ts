import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Offline } from '$lib/api/http';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import { pushLanguage } from './push-language';

const ada = { userId: 'ada', token: 't' } as Parameters<typeof pushLanguage>[2];
const ben = { userId: 'ben', token: 't' } as Parameters<typeof pushLanguage>[2];

describe('pushLanguage', () => {
	let db: ClydeDatabase;
	let sent: [string, string][];
	let offline: boolean;
	const account = {
		async setLanguage(session: { userId: string }, language: string) {
			if (offline) throw new Offline('no connection (Failed to fetch)');
			sent.push([session.userId, language]);
		}
	};
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
		sent = [];
		offline = false;
	});
	afterEach(() => db.delete());

	it('keeps the language on the account once per change, and again for another account', async () => {
		await pushLanguage(db, account, ada, 'pl');
		await pushLanguage(db, account, ada, 'pl');
		await pushLanguage(db, account, ada, 'ar');
		await pushLanguage(db, account, ben, 'ar');
		await pushLanguage(db, account, ben, 'en-XA');
		expect(sent).toEqual([
			['ada', 'pl'],
			['ada', 'ar'],
			['ben', 'ar'],
			['ben', 'en']
		]);
	});

	it('a language chosen offline is sent by the next sync that reaches the server', async () => {
		offline = true;
		await expect(pushLanguage(db, account, ada, 'ur')).rejects.toBeInstanceOf(Offline);
		offline = false;
		await pushLanguage(db, account, ada, 'ur');
		expect(sent).toEqual([['ada', 'ur']]);
	});
});
