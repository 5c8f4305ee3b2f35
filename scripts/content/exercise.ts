import { isMap, isSeq, parseDocument } from 'yaml';
import type { Exercise } from '../../src/lib/exercises/types';
import type { FileReport } from './diagnostics';
import { exerciseBlock } from './exercise-schema';
import { markdownParser } from './markdown';
import type { Sanitiser } from './sanitize';
import { parseYamlBlock } from './yaml-block';

/** An exercise and where its parts are in the file, for content:check's later messages. */
export interface PlacedExercise {
	exercise: Exercise;
	/** Offsets in the file: the block, each check, the starter files and the solution. */
	at: { block: number; checks: number[]; files: number; solution: number };
}

/** Parses the YAML inside a ```exercise block that starts at `offset`; errors go to the report. */
export function parseExercise(
	yaml: string,
	offset: number,
	report: FileReport,
	sanitiser: Sanitiser
): PlacedExercise | undefined {
	const block = parseYamlBlock(yaml, offset, exerciseBlock, report, 'exercise');
	if (!block) return undefined;
	const instructions = sanitiser.rendered(markdownParser().parse(block.instructions) as string);
	for (const removed of instructions.removed) {
		report.error(offset, `exercise: the instructions may not contain ${removed}`);
	}
	const exercise: Exercise = {
		id: block.id,
		title: block.title,
		instructionsHtml: instructions.html,
		starter: block.files,
		checks: block.checks,
		hints: block.hints ?? [],
		solution: block.solution
	};
	return { exercise, at: placesIn(yaml, offset) };
}

function placesIn(yaml: string, offset: number): PlacedExercise['at'] {
	const doc = parseDocument(yaml);
	const start = (key: string): number => {
		const node = doc.get(key, true) as { range?: number[] } | undefined;
		return offset + (node?.range?.[0] ?? 0);
	};
	const checks = doc.get('checks', true);
	return {
		block: offset,
		checks: isSeq(checks)
			? checks.items.map((item) => offset + (isMap(item) ? (item.range?.[0] ?? 0) : 0))
			: [],
		files: start('files'),
		solution: start('solution')
	};
}
