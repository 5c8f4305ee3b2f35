import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { resolve } from 'node:path';
import { ROOT } from '../scripts/config';
import { checkLessonSource } from '../scripts/content/check-lesson-source';
import { compileContent } from '../scripts/content/compile';
import { contentFiles } from '../scripts/content/content-files';
import { loadContent } from '../scripts/content/load';
import { nodeSanitiser } from '../scripts/content/node-sanitiser';
import type { Benchmark } from './benchmark';
import { median } from './stats';

/** checkLessonSource calls per run: an editor checks on every keystroke. */
const CALLS = 20;

/**
 * What the content checker costs: checkLessonSource (check and render one lesson, as the
 * editor does on every keystroke) on the longest lesson, warm, in Node, as wall time and as
 * this process's CPU time (which other work on a shared machine inflates less); and the whole
 * of `content:check` (every file compiled). The browser's figure is in the browser test
 * tests/browser/checker-in-browser.test.ts.
 */
export const contentCheck: Benchmark = {
	id: 'content-check',
	title: 'Checking content',
	async run({ runs }) {
		const input = await loadContent(resolve(ROOT, 'content'));
		const sanitiser = nodeSanitiser();
		const files = contentFiles(input.markdown, input.assets);
		const [path, text] = [...input.markdown]
			.filter(([p]) => !/(pathway|module)\.md$/.test(p))
			.sort((a, b) => b[1].length - a[1].length)[0] as [string, string];
		const check = () => checkLessonSource(path, text, { level: 'beginner', files, sanitiser });
		for (let i = 0; i < 10; i++) check();
		const wall: number[] = [];
		const cpu: number[] = [];
		for (let i = 0; i < runs * CALLS; i++) {
			const startedCpu = cpuUsage();
			const started = performance.now();
			check();
			wall.push(performance.now() - started);
			const used = cpuUsage(startedCpu);
			cpu.push((used.user + used.system) / 1000);
		}
		const whole: number[] = [];
		for (let i = 0; i < runs; i++) {
			const started = performance.now();
			compileContent(input, sanitiser);
			whole.push(performance.now() - started);
		}
		const ms = (value: number) => `${value.toFixed(1)} ms`;
		return {
			headers: ['what', 'median', 'goal'],
			rows: [
				[
					`checkLessonSource, longest lesson (${path}, ${text.length} characters), wall`,
					ms(median(wall)),
					'< 20 ms'
				],
				['the same, CPU time of this process', ms(median(cpu)), ''],
				[`content:check of all ${input.markdown.size} files`, ms(median(whole)), '']
			],
			notes: `${runs * CALLS} calls of checkLessonSource after 10 unmeasured ones; load average while measuring: ${loadavg()
				.map((l) => l.toFixed(1))
				.join(', ')} (2 cores shared with other work).`
		};
	}
};
