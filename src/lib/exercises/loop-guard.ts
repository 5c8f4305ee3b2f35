import { parser } from '@lezer/javascript';

/** The function every loop of learner code calls on each turn (defined by `loopGuardPrelude`). */
export const GUARD = '__clydeLoopGuard';

/** How long one piece of learner code may loop before it is stopped. */
export const LOOP_LIMIT_MS = 1000;

/**
 * Adds a call to the guard at the top of every loop body (for, while, do), so that a loop that
 * never ends throws after LOOP_LIMIT_MS instead of holding the page's thread: on a phone without
 * site isolation the sandboxed frame shares that thread with the app (docs/exercises.md).
 * Positions come from the JavaScript parser the editor already loads; code that does not parse
 * is instrumented where it can be and fails as it would have anyway.
 */
export function guardLoops(code: string): string {
	const inserts: { at: number; text: string }[] = [];
	parser.parse(code).iterate({
		enter(ref) {
			if (!['ForStatement', 'WhileStatement', 'DoStatement'].includes(ref.name)) return;
			const body =
				ref.name === 'DoStatement' ? ref.node.firstChild?.nextSibling : ref.node.lastChild;
			if (!body || body.type.isError) return;
			if (body.name === 'Block') {
				inserts.push({ at: body.from + 1, text: `${GUARD}();` });
			} else {
				inserts.push({ at: body.from, text: `{${GUARD}();` }, { at: body.to, text: '}' });
			}
		}
	});
	let out = code;
	for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) {
		out = out.slice(0, at) + text + out.slice(at);
	}
	return out;
}

/**
 * The guard, as a script for the learner's page, run before any of theirs. A loop's time is
 * counted from the first guarded turn in the current task; a microtask, which cannot run until
 * that task's code has returned, starts the count again for the next one. Once tripped it keeps
 * throwing, so an outer loop or a try/catch around the loop cannot carry on. `report` names a
 * function of the runner's that is told when a loop is stopped.
 */
export function loopGuardPrelude(report: string): string {
	return `(() => {
let start = -1, tripped = false;
Object.defineProperty(window, '${GUARD}', { value() {
	if (tripped) throw new RangeError('stopped');
	if (start < 0) { start = performance.now(); queueMicrotask(() => { start = -1; }); return; }
	if (performance.now() - start > ${LOOP_LIMIT_MS}) {
		tripped = true;
		try { ${report}(); } catch {}
		throw new RangeError('A loop ran for more than ${LOOP_LIMIT_MS / 1000} second and was stopped');
	}
} });
})();`;
}
