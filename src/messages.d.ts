// The message files as the app imports them (scripts/build/message-values.ts).
declare module '*.json?keys' {
	const keys: readonly string[];
	export default keys;
}
