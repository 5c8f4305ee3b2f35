import { describe, expect, it } from 'vitest';
import { FileReport } from './diagnostics';
import { parseExercise } from './exercise';
import { nodeSanitiser } from './node-sanitiser';
import { verifyExercises } from './verify-exercises';

const sanitiser = nodeSanitiser();
const FILE = 'lesson.md';

/** A lesson file holding one exercise block; its messages, from parsing and from running it. */
async function check(yaml: string): Promise<string[]> {
	const text = `Intro\n\n\`\`\`exercise\n${yaml}\`\`\`\n`;
	const report = new FileReport(FILE, text);
	const placed = parseExercise(yaml, text.indexOf('```exercise\n') + 12, report, sanitiser);
	const ran = placed
		? await verifyExercises([{ file: FILE, placed }], new Map([[FILE, text]]))
		: [];
	return [...report.diagnostics, ...ran].map((d) => `${d.line}: ${d.message}`);
}

const block = (starter: string, solution: string, checks: string) => `id: try-it
title: Try it
instructions: Do the thing.
files:
  index.html: |
${indent(starter)}
checks:
${checks}
solution:
  index.html: |
${indent(solution)}
`;

const indent = (html: string) =>
	html
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');

const H1_CHECKS = `  - type: selector-exists
    selector: h1
    message: Add an h1.
  - type: text-equals
    selector: h1
    text: Hello, Glasgow!
    message: The h1 should say Hello, Glasgow!`;

describe('verifyExercises', () => {
	it('accepts a solution that passes every check and a starter that does not', async () => {
		expect(await check(block('<p>Hi</p>', '<h1>Hello,   glasgow!</h1>', H1_CHECKS))).toEqual([]);
	});

	it('names the check a model solution fails, on its line', async () => {
		const messages = await check(block('<p>Hi</p>', '<h1>Hello!</h1>', H1_CHECKS));
		expect(messages).toEqual([
			'14: exercise "try-it": the model solution does not pass this check ("The h1 should say Hello, Glasgow!")'
		]);
	});

	it('refuses a starter that already passes', async () => {
		const messages = await check(
			block('<h1>Hello, Glasgow!</h1>', '<h1>Hello, Glasgow!</h1>', H1_CHECKS)
		);
		expect(messages).toEqual([
			'8: exercise "try-it": the starter files already pass every check, so learners would have nothing to do'
		]);
	});

	it('says which selector is not CSS', async () => {
		const checks = H1_CHECKS.replace(
			'selector: h1\n    message: Add',
			'selector: "h1[["\n    message: Add'
		);
		expect(await check(block('<p>Hi</p>', '<h1>Hello, Glasgow!</h1>', checks))).toEqual([
			'11: exercise "try-it": "h1[[" is not a CSS selector'
		]);
	});

	it('needs two checks, and says so where they are', async () => {
		const one = H1_CHECKS.split('\n').slice(0, 3).join('\n');
		const messages = await check(block('<p>Hi</p>', '<h1>Hello, Glasgow!</h1>', one));
		expect(messages).toEqual([
			'11: exercise: "checks" needs at least two checks, so a learner is told more than pass or fail'
		]);
	});

	it('runs clicks, computed styles and labels as a browser would', async () => {
		const starter = `<style>p { color: black }</style>
<label>Name <input id="name"></label>
<input id="email">
<button>Add</button>
<ul></ul>`;
		const solution = `<style>p { color: red; font-size: 2rem }</style>
<p>Hi</p>
<label>Name <input id="name"></label>
<label for="email">Email</label><input id="email">
<button>Add</button>
<ul></ul>
<script>
  document.querySelector('button').addEventListener('click', () => {
    document.querySelector('ul').append(document.createElement('li'));
  });
</script>`;
		const checks = `  - type: style-equals
    selector: p
    property: color
    value: red
    message: Make the paragraph red.
  - type: label-for-input
    selector: input
    message: Give every input a label.
  - type: click-adds
    click: button
    selector: li
    message: Clicking Add should add an item.
  - type: after-click
    click: button
    then:
      type: selector-exists
      selector: ul li
      count: 1
      message: unused
    message: After a click the list has an item.`;
		expect(await check(block(starter, solution, checks))).toEqual([]);
	});

	it('stops a model solution that loops for ever, and says its script failed', async () => {
		const started = Date.now();
		const messages = await check(
			block('<p>Hi</p>', '<h1>Hello, Glasgow!</h1><script>while (true) {}</script>', H1_CHECKS)
		);
		expect(messages).toEqual([
			'19: exercise "try-it": the model solution\'s JavaScript fails: A loop ran for more than 1 second and was stopped'
		]);
		expect(Date.now() - started).toBeLessThan(10_000);
	});
});
