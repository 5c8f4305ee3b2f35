/**
 * How a typed answer is compared with the accepted ones: case, spacing, curly quotes and a
 * final full stop do not matter ("  world wide web. " matches "World Wide Web").
 */
export function normaliseAnswer(answer: string): string {
	return answer
		.normalize('NFKC')
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.trim()
		.replace(/[.!?]+$/, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLocaleLowerCase('en-GB');
}
