import type { CDPSession } from 'playwright-core';

/** A Chromium trace event, as far as the breakdown reads it (times in µs). */
export interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	/** The thread's CPU time in the event (µs): what a busy machine's waiting does not inflate. */
	tdur?: number;
	/**
	 * Where script events say their code came from (`data.url`, or `fileName` on V8's); on a
	 * module's or script's compile, how much of V8's code cache it consumed.
	 */
	args?: { data?: { url?: string; consumedCacheSize?: number }; fileName?: string };
}

/**
 * What the main thread did. `compile` (V8 parsing and compiling functions, and tiering them
 * up) and `messages` (the browser's messages to the page, such as each response's data, handled
 * where nothing more specific is traced) are seen only with `traceWhile(cdp, action, DETAILED)`.
 */
export type Activity =
	'script' | 'compile' | 'messages' | 'gc' | 'style' | 'layout' | 'paint' | 'other';

/** Trace categories that name the parts of what the timeline alone leaves unnamed ("other"). */
export const DETAILED = ['disabled-by-default-v8.compile', 'toplevel'];

export interface Breakdown {
	/** The window's length, ms. */
	total: number;
	/** Main-thread time in the window by activity, ms; what is left is idle. */
	ms: Record<Activity, number>;
	/** Script time by the file its code came from (the nearest enclosing event that names one), ms. */
	scriptByFile: Record<string, number>;
	/** The main thread's CPU time in the window's outermost events, ms (where the trace gives it). */
	cpu: number;
	/** Modules and scripts compiled in the window, and how many of them from V8's code cache. */
	compiled: { files: number; fromCache: number; cacheBytes: number };
}

/** The DevTools timeline's event names, grouped as its Performance panel groups them. */
const ACTIVITIES: Record<string, Activity> = {
	FunctionCall: 'script',
	EvaluateScript: 'script',
	RunMicrotasks: 'script',
	TimerFire: 'script',
	FireAnimationFrame: 'script',
	EventDispatch: 'script',
	'v8.compile': 'script',
	'v8.compileModule': 'script',
	'v8.evaluateModule': 'script',
	CompileScript: 'script',
	MinorGC: 'gc',
	MajorGC: 'gc',
	UpdateLayoutTree: 'style',
	RecalculateStyles: 'style',
	ParseAuthorStyleSheet: 'style',
	Layout: 'layout',
	PrePaint: 'paint',
	Paint: 'paint',
	Layerize: 'paint',
	UpdateLayer: 'paint',
	UpdateLayerTree: 'paint',
	CompositeLayers: 'paint',
	Commit: 'paint',
	'Receive mojo message': 'messages',
	'Receive mojo reply': 'messages'
};

/** V8's own compile events (`disabled-by-default-v8.compile`): lazy parses, bytecode, tiering up. */
const V8_COMPILE = /^V8\.(PreParse|Parse|Compile|Maglev|FinalizeMaglev|Turbofan|Optimize)/;

/**
 * Where the main thread's time went between two performance marks: each event's own time
 * (its duration less that of the events nested in it, clipped to the window), by activity.
 * So a layout that a script forces counts as layout, and a GC inside a call as GC.
 */
export function breakdown(events: readonly TraceEvent[], from: string, to: string): Breakdown {
	const start = events.filter((e) => e.name === from).sort((a, b) => a.ts - b.ts)[0];
	const end = events
		.filter((e) => e.name === to && start && e.ts >= start.ts)
		.sort((a, b) => a.ts - b.ts)[0];
	if (!start || !end) throw new Error(`the trace has no marks ${from} and ${to}`);
	const clipped = (e: TraceEvent) =>
		Math.max(0, Math.min(e.ts + (e.dur ?? 0), end.ts) - Math.max(e.ts, start.ts));
	const spans = events
		.filter(
			(e) =>
				e.ph === 'X' &&
				e.dur !== undefined &&
				e.pid === start.pid &&
				e.tid === start.tid &&
				clipped(e) > 0
		)
		.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const ms: Record<Activity, number> = {
		script: 0,
		compile: 0,
		messages: 0,
		gc: 0,
		style: 0,
		layout: 0,
		paint: 0,
		other: 0
	};
	const scriptByFile: Record<string, number> = {};
	let cpu = 0;
	const stack: { event: TraceEvent; nested: number }[] = [];
	const close = () => {
		const file =
			[...stack]
				.reverse()
				.map(({ event }) => fileOf(event))
				.find(Boolean) ?? '(none)';
		const { event, nested } = stack.pop() as { event: TraceEvent; nested: number };
		const own = clipped(event) - nested;
		// An event the timeline has no name for is part of what encloses it (V8.Execute inside a
		// function call is script); only at the top of the thread's stack is it "other".
		const activity =
			[event, ...[...stack].reverse().map((s) => s.event)]
				.map((e) => activityOf(e.name))
				.find((a) => a !== undefined) ?? 'other';
		ms[activity] += own / 1000;
		if (activity === 'script') scriptByFile[file] = (scriptByFile[file] ?? 0) + own / 1000;
		const parent = stack.at(-1);
		if (parent) parent.nested += clipped(event);
		else if (event.dur) cpu += ((event.tdur ?? 0) * clipped(event)) / event.dur / 1000;
	};
	for (const event of spans) {
		while (stack.length && endOf((stack.at(-1) as { event: TraceEvent }).event) <= event.ts)
			close();
		stack.push({ event, nested: 0 });
	}
	while (stack.length) close();
	const compiles = spans.filter((e) => e.name === 'v8.compileModule' || e.name === 'v8.compile');
	const cached = compiles.map((e) => e.args?.data?.consumedCacheSize ?? 0).filter((b) => b > 0);
	return {
		total: (end.ts - start.ts) / 1000,
		ms,
		scriptByFile,
		cpu,
		compiled: {
			files: compiles.length,
			fromCache: cached.length,
			cacheBytes: cached.reduce((sum, b) => sum + b, 0)
		}
	};
}

function fileOf(event: TraceEvent): string | undefined {
	return event.args?.data?.url || event.args?.fileName || undefined;
}

function endOf(event: TraceEvent): number {
	return event.ts + (event.dur ?? 0);
}

function activityOf(name: string): Activity | undefined {
	if (name.startsWith('V8.GC') || name.startsWith('BlinkGC')) return 'gc';
	if (V8_COMPILE.test(name)) return 'compile';
	return ACTIVITIES[name];
}

/** Records a DevTools timeline trace of the page while `action` runs (plus `more` categories). */
export async function traceWhile(
	cdp: CDPSession,
	action: () => Promise<void>,
	more: readonly string[] = []
) {
	const events: TraceEvent[] = [];
	const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
	cdp.on('Tracing.dataCollected', collect);
	const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: {
			includedCategories: [
				'devtools.timeline',
				'disabled-by-default-devtools.timeline',
				'blink.user_timing',
				...more
			]
		}
	});
	try {
		await action();
	} finally {
		await cdp.send('Tracing.end');
		await complete;
		cdp.off('Tracing.dataCollected', collect);
	}
	return events;
}
