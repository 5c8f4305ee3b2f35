import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ChaosProxy } from '../support/chaos-proxy';
import { CHAOS_ODDS, chaosRun } from '../support/chaos-run';
import { createLessons } from '../support/content-records';

const url = inject('pbUrl');
const admin = { email: inject('adminEmail'), password: inject('adminPassword') };
/** The long version, ≥ 1,000 runs, is `npm run bench sync-chaos`. */
const RUNS = 10;
const STEPS = 30;

describe('sync through a faulty network, killed pages and wrong clocks', () => {
	let proxy: ChaosProxy;
	let lessons: string[] = [];

	beforeAll(async () => {
		const pb = new PocketBase(url);
		await pb.admins.authWithPassword(admin.email, admin.password);
		lessons = await createLessons(pb, 'chaos', 3);
		proxy = new ChaosProxy(url, { seed: 7, odds: CHAOS_ODDS });
		await proxy.start();
	});

	afterAll(() => proxy?.stop());

	it(`${RUNS} runs of ${STEPS} steps lose nothing and store nothing twice`, async () => {
		const failures: string[] = [];
		let events = 0;
		for (let seed = 1; seed <= RUNS; seed++) {
			const result = await chaosRun({
				proxy,
				serverUrl: url,
				admin,
				content: { lessons, module: 'chaos-m', pathway: 'chaos-p' },
				seed,
				steps: STEPS
			});
			events += result.events;
			for (const problem of result.problems) failures.push(`seed ${seed}: ${problem}`);
		}
		expect(failures).toEqual([]);
		expect(events).toBeGreaterThan(RUNS * 5);
		// The faults really happened, the kind that commits on the server included.
		expect(proxy.counts['drop-response']).toBeGreaterThan(0);
		expect(proxy.counts.offline).toBeGreaterThan(0);
	}, 60_000);
});
