import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './config';
import { fuzzChecker } from './content/fuzz-run';
import { loadContent } from './content/load';
import { nodeSanitiser } from './content/node-sanitiser';
import { runMain, UserError } from './user-error';

/**
 * `npx tsx scripts/content-fuzz.ts [--runs N] [--seed S] [--content DIR]`: the checker on N
 * mangled copies of the curriculum's files (the unit test runs 120). Each failure names its
 * seed, so `--seed S --runs 1` replays it. Exits 1 on any failure.
 */
async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			runs: { type: 'string', default: '2000' },
			seed: { type: 'string', default: '1000' },
			content: { type: 'string' }
		}
	});
	const runs = Number(values.runs);
	const firstSeed = Number(values.seed);
	const input = await loadContent(resolve(values.content ?? resolve(ROOT, 'content')));
	const started = performance.now();
	const { failures, messages } = fuzzChecker(input, nodeSanitiser(), {
		firstSeed,
		runs,
		compileEvery: 50
	});
	for (const f of failures) console.log(`seed ${f.seed} (${f.how} ${f.file}): ${f.problem}`);
	const seconds = ((performance.now() - started) / 1000).toFixed(0);
	console.log(
		`${runs} mangled files (seeds ${firstSeed}–${firstSeed + runs - 1}) in ${seconds} s: ${messages} messages, ${failures.length} failures`
	);
	if (failures.length)
		throw new UserError(`${failures.length} runs gave more than located messages`);
}

runMain(main);
