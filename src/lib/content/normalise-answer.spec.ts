import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from './normalise-answer';

describe('normaliseAnswer', () => {
	it.each([
		['World Wide Web', 'world wide web'],
		['  world   wide\tweb. ', 'world wide web'],
		['WORLD WIDE WEB!', 'world wide web'],
		['it’s', "it's"],
		['<p>', '<p>']
	])('%j → %j', (input, expected) => {
		expect(normaliseAnswer(input)).toBe(expected);
	});
});
