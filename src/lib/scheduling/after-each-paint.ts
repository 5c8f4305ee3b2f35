/**
 * Runs `step` again and again, each time after the browser has painted what the step before
 * changed, until it returns false: for work that would block the page for seconds if done at
 * once (a long list's rows), so that the first part shows at once and a tap or a key press can
 * be answered between parts. `requestAnimationFrame` runs just before a paint, so the step
 * goes in a task queued from there, which runs after it. Returns a function that stops it.
 */
export function afterEachPaint(step: () => boolean, target: FrameTarget = window): () => void {
	let frame = 0;
	let timer = 0;
	let stopped = false;
	const next = () => {
		frame = target.requestAnimationFrame(() => {
			timer = target.setTimeout(() => {
				if (!stopped && step()) next();
			});
		});
	};
	next();
	return () => {
		stopped = true;
		target.cancelAnimationFrame(frame);
		target.clearTimeout(timer);
	};
}

export type FrameTarget = Pick<
	Window,
	'requestAnimationFrame' | 'cancelAnimationFrame' | 'setTimeout' | 'clearTimeout'
>;
