import type { Tokens } from 'marked';
import type { BodyRule } from '../check-body';
import { plainText } from '../markdown-tokens';
import {
	MAX_SENTENCE_WORDS,
	READING_EASE_TARGET,
	readingEase,
	sentences,
	words
} from '../readability';
import { translationOf } from '../translation-file';

/** Plain English: short sentences, and a reading ease that suits the level. */
export const prose: BodyRule = ({ tokens, at, context }) => {
	// Sentences, words and syllables are counted the English way (capitals after a full stop,
	// Latin letters, English syllables): they say nothing true of a translation.
	if (translationOf(context.file)) return;
	const found: { offset: number; sentence: string }[] = [];
	const add = (text: string, offset: number) => {
		for (const sentence of sentences(text)) found.push({ offset, sentence });
	};
	for (const placed of tokens) {
		const { token } = placed;
		if (token.type === 'paragraph') {
			add(plainText((token as Tokens.Paragraph).tokens), at(placed));
		} else if (token.type === 'text' && placed.ancestors.at(-1) === 'list_item') {
			// Text directly inside a list item is prose, like a paragraph.
			add(plainText((token as Tokens.Text).tokens), at(placed));
		} else if (token.type === 'table') {
			const table = token as Tokens.Table;
			for (const cell of [...table.header, ...table.rows.flat()]) {
				add(plainText(cell.tokens), at(placed));
			}
		}
	}
	for (const { offset, sentence } of found) {
		const count = words(sentence).length;
		if (count > MAX_SENTENCE_WORDS) {
			context.report.warn(
				offset,
				`long sentence (${count} words; keep to ${MAX_SENTENCE_WORDS} or fewer): "${words(sentence).slice(0, 8).join(' ')}…"`
			);
		}
	}
	const ease = readingEase(found.map((f) => f.sentence));
	const target = READING_EASE_TARGET[context.level];
	if (ease !== undefined && ease < target) {
		context.report.warn(
			context.bodyOffset,
			`reading ease ${ease.toFixed(0)} is below ${target}, the target for ${context.level} level: use shorter sentences and shorter words`
		);
	}
};
