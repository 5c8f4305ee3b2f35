import type { BodyRule } from '../check-body';
import { EDITOR_TAGS } from '../sanitize';

/** Raw HTML is kept only where Markdown has nothing better; anything else would be taken out. */
export const rawHtml: BodyRule = ({ tokens, at, context }) => {
	for (const placed of tokens) {
		if (placed.token.type !== 'html') continue;
		const { removed } = context.sanitiser.editorHtml(placed.token.raw);
		if (removed.length === 0) continue;
		context.report.error(
			at(placed),
			`this HTML would be taken out before learners see it: ${[...new Set(removed)].join(', ')}. Use Markdown instead; the only HTML tags a lesson may use are ${EDITOR_TAGS.map((t) => `<${t}>`).join(', ')}`
		);
	}
};
