import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { BadAnswer, Offline, RetryLater } from '$lib/api/http';
import { StorageFullError } from '$lib/db/storage-full';
import { downloadProblem } from './download-problem';

beforeAll(() => i18n.use('en'));

describe('downloadProblem', () => {
	it('tells a dropped connection from a full phone and from the server', () => {
		expect(downloadProblem(new Offline('no connection (Failed to fetch)'))).toBe(
			'The connection dropped. What was downloaded is kept: try again to finish.'
		);
		expect(downloadProblem(new StorageFullError())).toMatch(/^Your phone is out of space/);
		expect(downloadProblem(new RetryLater('the server answered 503'))).toBe(
			'The server could not send the lessons (the server answered 503). Try again later.'
		);
		expect(downloadProblem(new BadAnswer('lessons are not in the expected form'))).toMatch(
			/^The server could not send the lessons/
		);
	});

	it('still says something for a fault of the app itself', () => {
		expect(downloadProblem(new TypeError('x is undefined'))).toBe(
			'The download stopped: x is undefined'
		);
	});
});
