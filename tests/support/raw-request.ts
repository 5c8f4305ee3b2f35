import { request, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawAnswer {
	status: number;
	headers: IncomingHttpHeaders;
	/** The body as it crossed the wire: still compressed if the server compressed it. */
	body: Buffer;
}

/**
 * One request with node:http, which (unlike fetch) neither adds an Accept-Encoding nor
 * decodes the answer: the test sees exactly what the server sent. `path` is sent as given,
 * without the URL normalisation that would turn `/a/../b` into `/b`.
 */
export function rawRequest(
	base: string,
	path: string,
	{ method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<RawAnswer> {
	return new Promise((done, fail) => {
		const { hostname, port } = new URL(base);
		const outgoing = request({ hostname, port, path, method, headers }, (answer) => {
			const chunks: Buffer[] = [];
			answer.on('data', (chunk: Buffer) => chunks.push(chunk));
			answer.on('end', () =>
				done({
					status: answer.statusCode ?? 0,
					headers: answer.headers,
					body: Buffer.concat(chunks)
				})
			);
			answer.on('error', fail);
		});
		outgoing.on('error', fail);
		outgoing.end();
	});
}

/** The body decoded once, by the answer's Content-Encoding (none, br or gzip). */
export function decoded(answer: RawAnswer): Buffer {
	const coding = answer.headers['content-encoding'];
	if (coding === undefined) return answer.body;
	if (coding === 'br') return brotliDecompressSync(answer.body);
	if (coding === 'gzip') return gunzipSync(answer.body);
	throw new Error(`unexpected Content-Encoding: ${coding}`);
}

/** The Vary header's field names, however many Vary lines the server sent. */
export function varyNames(headers: IncomingHttpHeaders): string[] {
	return (headers.vary ?? '')
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.filter(Boolean);
}
