import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import type { FileReport } from './diagnostics';
import { LIMITS } from './limits';
import { plainYamlError } from './yaml-messages';

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
	const tooComplex = yamlTooComplex(text);
	if (tooComplex) {
		report.error(offset + tooComplex.offset, `${what}: ${tooComplex.message}`);
		return undefined;
	}
	// logLevel: the yaml package would print its warnings to the terminal itself.
	const doc = parseDocument(text, {
		lineCounter: new LineCounter(),
		prettyErrors: false,
		logLevel: 'error'
	});
	const [error] = doc.errors;
	if (error) {
		// One mistake often upsets the lines after it: the first error is the one to fix.
		const at = Math.min(unclosedQuote(text, error) ?? error.pos[0], text.length);
		const lineStart = text.lastIndexOf('\n', at - 1) + 1;
		const lineEnd = text.indexOf('\n', at);
		const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
		report.error(offset + at, `${what}: ${plainYamlError(error, line)}`);
		return undefined;
	}
	let value: unknown;
	try {
		value = doc.toJS();
	} catch {
		// An alias (*name) to no anchor, or one that would expand past the yaml package's limit.
		report.error(
			offset,
			`${what}: a value starts with * or &, which Clyde does not use: put it in quotes`
		);
		return undefined;
	}
	const result = schema.safeParse(value, { reportInput: true });
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const at = offset + issueOffset(doc, issue);
		report.error(at, `${what}: ${describeIssue(issue)}`);
	}
	return undefined;
}

/**
 * A line the yaml package would take seconds or its whole stack to read: over 5,000
 * characters, or dozens of nested brackets or "?" keys (the parser's time grows steeply with
 * them). Real frontmatter and quizzes have neither.
 */
function yamlTooComplex(text: string): { offset: number; message: string } | undefined {
	let offset = 0;
	for (const line of text.split('\n')) {
		if (line.length > LIMITS.line) {
			return {
				offset,
				message: `this line is ${line.length.toLocaleString('en-GB')} characters long: keep each field under ${LIMITS.line.toLocaleString('en-GB')}`
			};
		}
		if ((line.match(/[[{]/g)?.length ?? 0) > 20 || (line.match(/\?/g)?.length ?? 0) > 20) {
			return {
				offset,
				message: 'this line has too many brackets or question marks to read: put the text in quotes'
			};
		}
		offset += line.length + 1;
	}
	return undefined;
}

/**
 * The yaml package reports a missing closing quote where the text ends; the editor wants the
 * line where the quote was opened: the first value that opens a quote and does not close it.
 */
function unclosedQuote(text: string, error: YAMLError): number | undefined {
	if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
	let offset = 0;
	for (const line of text.split('\n')) {
		const value = /^\s*(?:-\s+)?(?:[^\s"'#:][^:#]*:\s+)?(["'])(.*)$/.exec(line);
		if (
			value &&
			!value[2]
				?.trimEnd()
				.replace(/\s#.*$/, '')
				.endsWith(value[1] as string)
		) {
			return offset + line.indexOf(value[1] as string);
		}
		offset += line.length + 1;
	}
	return undefined;
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
