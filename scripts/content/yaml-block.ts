import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { FileReport } from './diagnostics';

/**
 * Parses a YAML block that starts at `offset` in a content file and validates it with a zod
 * schema. Every problem goes into the file's report at the line and column of the YAML
 * node it concerns; the result is undefined when there was any error.
 */
export function parseYamlBlock<T>(
	text: string,
	offset: number,
	schema: z.ZodType<T>,
	report: FileReport,
	what: string
): T | undefined {
	const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			report.error(offset + error.pos[0], `${what}: YAML ${firstSentence(error.message)}`);
		}
		return undefined;
	}
	const result = schema.safeParse(doc.toJS(), { reportInput: true });
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const at = offset + issueOffset(doc, issue);
		report.error(at, `${what}: ${describeIssue(issue)}`);
	}
	return undefined;
}

function firstSentence(message: string): string {
	return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '');
}

type Issue = z.core.$ZodIssue;

/** Where in the YAML text an issue belongs: the value it names, else its closest parent. */
function issueOffset(doc: Document, issue: Issue): number {
	const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
	if (issue.code === 'unrecognized_keys') {
		const parent = path.length ? doc.getIn(path, true) : doc.contents;
		if (isMap(parent)) {
			for (const pair of parent.items) {
				if (isScalar(pair.key) && issue.keys.includes(String(pair.key.value))) {
					return pair.key.range?.[0] ?? 0;
				}
			}
		}
	}
	for (let depth = path.length; depth >= 0; depth--) {
		const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
		const range = (node as { range?: [number, number, number] } | null)?.range;
		if (range) return range[0];
	}
	return 0;
}

/** A message an editor can act on, naming the field by its path ("questions 2 › options"). */
function describeIssue(issue: Issue): string {
	const field = issue.path
		.map((p) => (typeof p === 'number' ? String(p + 1) : String(p)))
		.join(' › ');
	if (issue.code === 'unrecognized_keys') {
		return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${field ? ` in ${field}` : ''}`;
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) {
		return `"${field}" is missing`;
	}
	return field ? `"${field}" ${issue.message}` : issue.message;
}
