import type { Transfer } from './counting-proxy';

/** What Vite's manifest says of a built file, as far as naming it goes. */
export interface NamedChunk {
	file: string;
	name?: string;
}

/**
 * Readable names for built files, so that two builds' tables can be read side by side (the
 * files themselves are named by their hash): a language's messages by their source
 * (`messages/pl.json`), a route node by its route file (`nodes/11 [lesson]/+page.svelte`), a
 * shared chunk by Rolldown's name for it (`framework`, `lib~nodes/5~nodes/9`…, shortened).
 * `routes` maps a node's number to its `src/routes/…` file.
 */
export function builtNames(
	manifest: Record<string, NamedChunk>,
	routes: Record<string, string>
): Map<string, string> {
	const names = new Map<string, string>();
	for (const [key, chunk] of Object.entries(manifest)) {
		const node = key.match(/client-optimized\/nodes\/(\d+)\.js$/)?.[1];
		const name = node
			? `nodes/${node} ${routes[node] ?? ''}`.trim()
			: key.startsWith('messages/')
				? key
				: (chunk.name ?? key);
		names.set(`/${chunk.file}`, name.length > 48 ? `${name.slice(0, 47)}…` : name);
	}
	return names;
}

/**
 * One visit's responses as a Markdown table, one row each in the order they crossed: body and
 * headers (with the status line) in bytes, and the coding the body went in.
 */
export function transferTable(
	transfers: readonly Transfer[],
	names: ReadonlyMap<string, string> = new Map()
): string {
	const rows = transfers.map((t) => {
		const path = t.path.split('?')[0] ?? t.path;
		const name = names.get(path) ?? path;
		const headers = t.bytes - t.body.length;
		return `| ${name} | ${t.status} | ${t.contentEncoding || '—'} | ${t.body.length} | ${headers} |`;
	});
	const body = transfers.reduce((sum, t) => sum + t.body.length, 0);
	const all = transfers.reduce((sum, t) => sum + t.bytes, 0);
	return [
		'| response | status | coding | body (bytes) | status line and headers (bytes) |',
		'| --- | --- | --- | --- | --- |',
		...rows,
		`| **${transfers.length} responses** | | | **${body}** | **${all - body}** |`
	].join('\n');
}
