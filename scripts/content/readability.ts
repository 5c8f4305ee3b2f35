import { syllable } from 'syllable';
import type { Level } from '../../src/lib/content/types';

/** The lowest Flesch reading ease each level aims for (60 is "plain English"). */
export const READING_EASE_TARGET: Record<Level, number> = {
	beginner: 60,
	intermediate: 50,
	advanced: 40
};

/** GOV.UK's guidance: sentences of 25 words or fewer. */
export const MAX_SENTENCE_WORDS = 25;

/** Below this many words a reading-ease score says little, so none is given. */
export const MIN_WORDS_FOR_SCORE = 80;

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function words(text: string): string[] {
	return text.match(WORD) ?? [];
}

/**
 * Splits a block of prose into sentences at ., ! or ? followed by a space and a capital,
 * digit or opening quote. Each block (a paragraph, a list item, a table cell) is at least
 * one sentence of its own, even without a full stop.
 */
export function sentences(block: string): string[] {
	return block
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[\p{Lu}\p{N}])/u)
		.map((s) => s.trim())
		.filter((s) => words(s).length > 0);
}

/** Flesch reading ease of the given sentences, or undefined when there is too little text. */
export function readingEase(allSentences: string[]): number | undefined {
	const allWords = allSentences.flatMap(words);
	if (allWords.length < MIN_WORDS_FOR_SCORE) return undefined;
	const syllables = allWords.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
	return (
		206.835 - 1.015 * (allWords.length / allSentences.length) - 84.6 * (syllables / allWords.length)
	);
}
