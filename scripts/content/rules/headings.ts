import type { Tokens } from 'marked';
import type { BodyRule } from '../check-body';

/** Sections start at "##" (the title is the page's main heading) and go down one level at a time. */
export const headings: BodyRule = ({ tokens, at, context }) => {
	let previous: string | undefined;
	let previousDepth = 1;
	for (const placed of tokens) {
		if (placed.token.type !== 'heading') continue;
		const heading = placed.token as Tokens.Heading;
		// As written, code included: "#### The `--help` option", not "The  option".
		const shown = asWritten(heading.depth, heading.text);
		if (heading.depth === 1) {
			context.report.warn(
				at(placed),
				`${shown} is a main heading, but the title from the frontmatter already is the page's main heading: start sections with "##"`
			);
		} else if (heading.depth > previousDepth + 1) {
			context.report.warn(
				at(placed),
				previous
					? `${shown} comes after ${previous}, so it skips a level: use "${'#'.repeat(previousDepth + 1)}"`
					: `${shown} is the first section heading, so it skips a level: start sections with "##"`
			);
		}
		previous = shown;
		previousDepth = heading.depth;
	}
};

/** `"### Strong passwords"`, shortened: the heading as the editor wrote it. */
function asWritten(depth: number, words: string): string {
	const text = words.trim();
	return `"${'#'.repeat(depth)} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
