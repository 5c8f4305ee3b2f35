/**
 * A language's messages from the keys and the values shipped apart: each language file goes to
 * the phone as values only, in the English keys' order (scripts/build/message-values.ts).
 */
export function fromValues<T>(
	keys: readonly string[],
	values: readonly T[]
): Readonly<Record<string, T>> {
	if (keys.length !== values.length) {
		throw new Error(`${values.length} messages for ${keys.length} keys`);
	}
	return Object.fromEntries(keys.map((key, i) => [key, values[i] as T]));
}
