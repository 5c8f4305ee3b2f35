/** The most a body may hold before Markdown is run on it (see `sizeProblem`). */
export const LIMITS = { line: 5000, block: 10000, quoteDepth: 10, indent: 100, body: 400000 };

/**
 * The first thing in a body too big for the Markdown parser to check in good time, where it
 * is, and what to do. marked takes seconds on a long run of "_" emphasis, and overflows its
 * stack on quotes nested thousands deep: such text is never a real lesson, so it is reported
 * and the body is not parsed. Undefined when the body is within every limit.
 */
export function sizeProblem(body: string): { offset: number; message: string } | undefined {
	if (body.length > LIMITS.body) {
		return {
			offset: 0,
			message: `this file is ${body.length.toLocaleString('en-GB')} characters long: split it into lessons of under ${LIMITS.body.toLocaleString('en-GB')} (its text is checked once it is shorter)`
		};
	}
	let offset = 0;
	let blockStart = 0;
	let fence = '';
	for (const line of body.split('\n')) {
		const at = (message: string) => ({
			offset,
			message: `${message} (the rest of this file is checked once this is fixed)`
		});
		if (line.length > LIMITS.line) {
			return at(
				`this line is ${line.length.toLocaleString('en-GB')} characters long: break it into paragraphs of a few sentences, each under ${LIMITS.line.toLocaleString('en-GB')}`
			);
		}
		const depth = (/^(?:[ \t]*>)*/.exec(line)?.[0] ?? '').replace(/[^>]/g, '').length;
		if (depth > LIMITS.quoteDepth) {
			return at(
				`quotes are nested ${depth} deep here: nest them at most ${LIMITS.quoteDepth} deep`
			);
		}
		if ((/^[ \t]*/.exec(line)?.[0].length ?? 0) > LIMITS.indent) {
			return at(
				`this line is indented by over ${LIMITS.indent} spaces: lists nest at most 20 deep`
			);
		}
		// Code (a quiz too) is not read as Markdown, so a long block of it is fine.
		const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (marker && (!fence || marker.startsWith(fence))) fence = fence ? '' : marker;
		if (!line.trim() || fence) blockStart = offset + line.length + 1;
		else if (offset + line.length - blockStart > LIMITS.block) {
			return {
				offset: blockStart,
				message: `this paragraph runs for over ${LIMITS.block.toLocaleString('en-GB')} characters without a blank line: put a blank line between paragraphs (the rest of this file is checked once this is fixed)`
			};
		}
		offset += line.length + 1;
	}
	return undefined;
}
