import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { sentStatus, type SentFacts } from './sent-status';

beforeAll(() => i18n.use('en'));

const facts = (extra: Partial<SentFacts>): SentFacts => ({
	status: { state: 'idle' },
	pending: 0,
	online: true,
	inClass: false,
	timeZone: 'Europe/London',
	...extra
});

describe('where progress is, in a learner’s words', () => {
	it('says it is sent, to the tutor when in a class, with when', () => {
		const sent = { status: { state: 'idle' as const, lastSyncedAt: '2026-03-03T10:32:00Z' } };
		expect(sentStatus(facts({ ...sent, inClass: true }))).toBe(
			'Everything is sent to your tutor (last sent 3 March at 10:32).'
		);
		expect(sentStatus(facts(sent))).toMatch(/^Everything is sent to your account/);
	});

	it('counts what is waiting, and says when it will go', () => {
		expect(sentStatus(facts({ pending: 1, online: false, inClass: true }))).toBe(
			'1 change is not sent yet. It goes to your tutor when you are back online.'
		);
		expect(sentStatus(facts({ pending: 3, status: { state: 'waiting' } }))).toBe(
			'3 changes are not sent yet. Clyde will try again soon.'
		);
	});

	it('says so while sending, and when there is nothing yet', () => {
		expect(sentStatus(facts({ pending: 2, status: { state: 'syncing' } }))).toBe(
			'Sending your progress to your account…'
		);
		expect(sentStatus(facts({}))).toBe('Nothing to send to your account yet.');
	});

	it('never uses the word sync', () => {
		const all = [
			facts({}),
			facts({ pending: 1, online: false }),
			facts({ status: { state: 'syncing' } })
		].map(sentStatus);
		for (const sentence of all) expect(sentence).not.toMatch(/sync/i);
	});
});
