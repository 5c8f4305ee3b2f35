import { seededRandom } from '../src/lib/random/seeded-random';
import { BATCH, KillRig, type KillOutcome } from '../tests/support/kill-rig';
import type { Benchmark } from './benchmark';

/**
 * The long version of tests/integration/fault-kill-mid-push.test.ts: FAULT_KILLS (default 100)
 * SIGKILLs of PocketBase at random moments of a 500-event push (0 to 1.3 times a whole push),
 * each followed by a restart on the same data and the phone's retry. It counts outcomes rather
 * than timing anything; the rarest and most telling one is "stored, answer lost": the kill
 * fell between the commit and the answer, so the retry must be answered "duplicate".
 */
export const faultKill: Benchmark = {
	id: 'fault-kill',
	title: 'PocketBase killed in the middle of a push batch',
	async run() {
		const kills = Number(process.env.FAULT_KILLS ?? 100);
		const random = seededRandom(11);
		const started = performance.now();
		const rig = await KillRig.start();
		try {
			const pushMs = await rig.measurePush();
			const outcomes: KillOutcome[] = [];
			for (let n = 1; n <= kills; n++) {
				outcomes.push(await rig.killDuring(random() * 1.3 * pushMs));
				if (n % 20 === 0) console.log(`fault-kill: ${n} of ${kills} kills`);
			}
			const final = await rig.finalProblems();
			const count = (keep: (o: KillOutcome) => boolean) => String(outcomes.filter(keep).length);
			const problems = [...outcomes.flatMap((o) => o.problems), ...final];
			const minutes = ((performance.now() - started) / 60_000).toFixed(1);
			return {
				headers: ['measure', 'value'],
				rows: [
					['kills', String(kills)],
					['batch not stored (killed before the commit)', count((o) => o.stored === 0)],
					[
						'batch stored, answer lost (killed after the commit)',
						count((o) => o.stored === BATCH && !o.answered)
					],
					['batch stored and answered (killed after the answer)', count((o) => o.answered)],
					[
						'problems: torn batches, lost or doubled events, failed pushes or retries',
						String(problems.length)
					]
				],
				notes: [
					`A whole push of ${BATCH} events took ${Math.round(pushMs)} ms on a just-restarted server; kills fell uniformly in 0–${Math.round(1.3 * pushMs)} ms after it was sent; ${minutes} min in all. SQLite's integrity check ran at the end.`,
					...problems.slice(0, 10)
				].join(' ')
			};
		} finally {
			await rig.stop();
		}
	}
};
