// An ESLint rule for .svelte files: words written straight into the markup (text, or the
// aria-label, title, alt and placeholder attributes) never reach a translator. They belong in
// messages/en.json, read through t(). Symbols, numbers and punctuation are fine; so are the
// names in `allow` (proper nouns that stay the same in every language).

const CHECKED_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder', 'label']);
const LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
export default {
	meta: {
		type: 'problem',
		docs: { description: 'User-visible words in Svelte markup must come from the message files' },
		schema: [
			{
				type: 'object',
				properties: { allow: { type: 'array', items: { type: 'string' } } },
				additionalProperties: false
			}
		],
		messages: {
			literal:
				'"{{text}}" is shown to learners but is not in the messages: add it to messages/en.json and use t(), or on tutor pages messages/tutor/en.json and tt() (docs/translating.md).'
		}
	},
	create(context) {
		const allow = new Set(context.options[0]?.allow ?? []);
		const words = (text) => {
			const rest = text
				.split(/\s+/)
				.filter((word) => word && !allow.has(word.replace(/[^\p{L}]/gu, '')));
			return rest.join(' ');
		};
		const check = (node, text) => {
			const left = words(text);
			if (LETTER.test(left))
				context.report({ node, messageId: 'literal', data: { text: left.trim().slice(0, 40) } });
		};
		return {
			SvelteText(node) {
				// Text inside <style> and <script> is code, not words.
				if (
					node.parent?.type === 'SvelteStyleElement' ||
					node.parent?.type === 'SvelteScriptElement'
				)
					return;
				check(node, node.value);
			},
			SvelteAttribute(node) {
				if (!CHECKED_ATTRIBUTES.has(node.key.name)) return;
				for (const part of node.value) if (part.type === 'SvelteLiteral') check(part, part.value);
			}
		};
	}
};
