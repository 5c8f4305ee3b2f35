import { describe, expect, it } from 'vitest';
import { breakdown, type TraceEvent } from './trace-breakdown';

const on = { pid: 1, tid: 1 };
const mark = (name: string, ts: number): TraceEvent => ({ ...on, name, ph: 'I', ts });
const span = (name: string, ts: number, dur: number, where = on): TraceEvent => ({
	...where,
	name,
	ph: 'X',
	ts,
	dur
});

describe('breakdown', () => {
	it('counts each event by its own time, so forced layout and GC inside a script are not script', () => {
		const result = breakdown(
			[
				mark('from', 0),
				span('RunTask', 0, 10_000),
				span('FunctionCall', 0, 6_000),
				span('Layout', 1_000, 2_000),
				span('MinorGC', 4_000, 1_000),
				span('UpdateLayoutTree', 6_000, 1_000),
				span('Paint', 7_000, 2_000),
				mark('to', 10_000)
			],
			'from',
			'to'
		);
		expect(result.total).toBe(10);
		expect(result.ms).toEqual({
			script: 3,
			compile: 0,
			messages: 0,
			gc: 1,
			style: 1,
			layout: 2,
			paint: 2,
			other: 1
		});
	});

	it('clips events to the window and ignores other threads and later marks', () => {
		const result = breakdown(
			[
				span('FunctionCall', 0, 4_000),
				mark('from', 2_000),
				span('Layout', 2_500, 1_000, { pid: 1, tid: 2 }),
				span('Paint', 5_000, 3_000),
				mark('to', 6_000),
				mark('to', 9_000)
			],
			'from',
			'to'
		);
		expect(result.total).toBe(4);
		expect(result.ms).toMatchObject({ script: 2, layout: 0, paint: 1 });
	});

	it('says when the marks are missing', () => {
		expect(() => breakdown([mark('from', 0)], 'from', 'to')).toThrow(/no marks/);
	});

	it('gives script time to the file the nearest enclosing event names', () => {
		const from = (url: string) => ({ data: { url } });
		const result = breakdown(
			[
				mark('from', 0),
				{ ...span('v8.evaluateModule', 0, 3_000), args: { fileName: '/a.js' } },
				{ ...span('FunctionCall', 3_000, 5_000), args: from('/b.js') },
				span('RunMicrotasks', 4_000, 1_000),
				span('Layout', 6_000, 1_000),
				span('TimerFire', 8_000, 1_000),
				mark('to', 10_000)
			],
			'from',
			'to'
		);
		expect(result.scriptByFile).toEqual({ '/a.js': 3, '/b.js': 4, '(none)': 1 });
	});

	it('sums the CPU time of the outermost events, in proportion to what falls in the window', () => {
		const result = breakdown(
			[
				{ ...span('RunTask', 0, 4_000), tdur: 2_000 },
				mark('from', 2_000),
				{ ...span('FunctionCall', 2_000, 1_000), tdur: 1_000 },
				{ ...span('RunTask', 5_000, 1_000), tdur: 1_000 },
				mark('to', 6_000)
			],
			'from',
			'to'
		);
		expect(result.cpu).toBe(2);
	});

	it('names what the timeline leaves unnamed: V8 compiling and the browser messages; the rest is part of its parent', () => {
		const result = breakdown(
			[
				mark('from', 0),
				span('Receive mojo message', 0, 2_000),
				span('FunctionCall', 2_000, 4_000),
				span('V8.Execute', 2_000, 3_000),
				span('V8.CompileIgnition', 3_000, 1_000),
				span('RunTask', 6_000, 4_000),
				span('V8.PreParse', 6_000, 1_000),
				mark('to', 10_000)
			],
			'from',
			'to'
		);
		expect(result.ms).toMatchObject({ messages: 2, script: 3, compile: 2, other: 3 });
	});

	it('counts the files compiled and those that came with the V8 code cache', () => {
		const compile = (ts: number, consumedCacheSize?: number): TraceEvent => ({
			...span('v8.compileModule', ts, 100),
			args: { data: { url: '/a.js', ...(consumedCacheSize && { consumedCacheSize }) } }
		});
		const result = breakdown(
			[mark('from', 0), compile(0, 2_000), compile(1_000), compile(2_000, 500), mark('to', 3_000)],
			'from',
			'to'
		);
		expect(result.compiled).toEqual({ files: 3, fromCache: 2, cacheBytes: 2_500 });
	});
});
