import type { z } from 'zod';
import type { FileReport } from './diagnostics';
import { parseYamlBlock } from './yaml-block';

/** A content file split into its checked frontmatter and its Markdown body. */
export interface ParsedFile<T> {
	meta: T;
	body: string;
	bodyOffset: number;
	/** Where the `id:` line starts, for a duplicate-id error. */
	idOffset: number;
}

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/**
 * Reads a file's frontmatter with `schema`, reporting what is wrong in `report`. Undefined when
 * the file is missing (`text` undefined) or its frontmatter is unusable.
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
		report.error(
			0,
			'the file must start with frontmatter: a line "---", the fields (id, title, …), and another "---"'
		);
		return undefined;
	}
	const yamlOffset = text.indexOf('\n') + 1;
	const meta = parseYamlBlock(match[1] ?? '', yamlOffset, schema, report, 'frontmatter');
	if (!meta) return undefined;
	const idLine = (match[1] ?? '').search(/^id\s*:/m);
	return {
		meta,
		body: text.slice(match[0].length),
		bodyOffset: match[0].length,
		idOffset: yamlOffset + Math.max(0, idLine)
	};
}
