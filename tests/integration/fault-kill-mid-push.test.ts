import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH, KillRig, type KillOutcome } from '../support/kill-rig';

/**
 * When to kill, as shares of how long a whole push takes on this machine. The long run, with
 * many more moments, is `npm run bench fault-kill`.
 */
const MOMENTS = [0.05, 0.4, 0.7, 0.9, 1.05, 1.5];

describe('PocketBase is SIGKILLed in the middle of a push batch', () => {
	let rig: KillRig;
	beforeAll(async () => {
		rig = await KillRig.start();
	});
	afterAll(() => rig?.stop());

	// About 10 s on an idle 2-core machine; the margin is for a CI box running other projects.
	it(
		`a ${BATCH}-event batch is all there or not at all, and the client's retry completes it once`,
		{ timeout: 60_000 },
		async () => {
			const pushMs = await rig.measurePush();
			const outcomes: KillOutcome[] = [];
			for (const moment of MOMENTS) outcomes.push(await rig.killDuring(moment * pushMs));

			console.info(
				`push of ${BATCH}: ${Math.round(pushMs)} ms; kills at ${outcomes
					.map(
						(o) =>
							`${Math.round(o.afterMs)} ms: ${o.stored} stored${o.answered ? ', answered' : ''}`
					)
					.join('; ')}`
			);
			expect(outcomes.flatMap((o) => o.problems)).toEqual([]);
			expect(await rig.finalProblems()).toEqual([]);
			// At least one kill landed before the commit: the test saw the "not at all" side.
			expect(outcomes.some((o) => o.stored === 0)).toBe(true);
		}
	);
});
