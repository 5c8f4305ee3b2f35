import type { z } from 'zod';
import type { FileReport } from './diagnostics';
import { parseYamlBlock } from './yaml-block';

/** A content file split into its frontmatter and its Markdown body. */
export interface ParsedFile<T> {
	/** The checked frontmatter, or undefined when it has errors (they are in the report). */
	meta: T | undefined;
	/** The file's text before the body: the frontmatter with its "---" lines, as written. */
	head: string;
	body: string;
	bodyOffset: number;
	/** Where the `id:` line starts, for a duplicate-id error. */
	idOffset: number;
}

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/**
 * Reads a file's frontmatter with `schema`, reporting what is wrong in `report`. The body
 * comes back even when the frontmatter has errors, so that its own problems are reported in
 * the same run. Undefined only when the file is missing (`text` undefined) or its frontmatter
 * never ends, so that the body cannot be told apart.
 */
export function readFrontmatter<T extends { id: string }>(
	text: string | undefined,
	schema: z.ZodType<T>,
	report: FileReport
): ParsedFile<T> | undefined {
	if (text === undefined) {
		report.error(
			0,
			`missing file: every ${report.file.endsWith('pathway.md') ? 'pathway folder needs a pathway.md' : 'module folder needs a module.md'}`
		);
		return undefined;
	}
	const match = FRONTMATTER.exec(text);
	if (!match) {
		if (/^---[ \t]*(?:\n|$)/.test(text)) {
			report.error(
				0,
				'the frontmatter has no end: add a line "---" after its last field, before the lesson text'
			);
			return undefined;
		}
		report.error(
			0,
			'the file must start with frontmatter: a line "---", the fields (id, title, …), and another "---"'
		);
		return { meta: undefined, head: '', body: text, bodyOffset: 0, idOffset: 0 };
	}
	const yamlOffset = text.indexOf('\n') + 1;
	const meta = parseYamlBlock(match[1] ?? '', yamlOffset, schema, report, 'frontmatter');
	const idLine = (match[1] ?? '').search(/^id\s*:/m);
	return {
		meta,
		head: match[0],
		body: text.slice(match[0].length),
		bodyOffset: match[0].length,
		idOffset: yamlOffset + Math.max(0, idLine)
	};
}

/** The Markdown body of a content file: what follows its frontmatter (all of it if none). */
export function bodyOf(text: string): string {
	const match = FRONTMATTER.exec(text);
	return match ? text.slice(match[0].length) : text;
}
