import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One response as it crossed the proxy. */
export interface Transfer {
	/** Path and query, as the browser asked for it. */
	path: string;
	status: number;
	/** Status line, headers and body as PocketBase sent them (chunk framing aside). */
	bytes: number;
	/** The body as sent: compressed already if PocketBase used a Content-Encoding. */
	body: Buffer;
	contentType: string;
	contentEncoding: string;
}

export interface CountingProxy {
	url: string;
	transfers: Transfer[];
	close(): Promise<void>;
}

/**
 * An HTTP proxy in front of PocketBase that records every response it forwards. Counting
 * here, not with CDP, because a page's CDP session never sees the service worker's precache
 * fetches (about half of a first visit), and the worker target's own CDP events give 0 bytes
 * for the worker scripts. Whatever the browser's HTTP cache answers never reaches the proxy,
 * which is right: it never crossed the network.
 */
export async function countingProxy(target: string): Promise<CountingProxy> {
	const transfers: Transfer[] = [];
	const server = createServer((incoming, outgoing) => {
		const forward = request(
			new URL(incoming.url ?? '/', target),
			{ method: incoming.method, headers: incoming.headers },
			(answer) => {
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat(chunks);
					const head = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
					for (let i = 0; i < answer.rawHeaders.length; i += 2) {
						head.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
					}
					transfers.push({
						path: incoming.url ?? '/',
						status: answer.statusCode ?? 0,
						bytes: Buffer.byteLength(`${head.join('\r\n')}\r\n\r\n`) + body.length,
						body,
						contentType: answer.headers['content-type'] ?? '',
						contentEncoding: answer.headers['content-encoding'] ?? ''
					});
				});
				outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
				answer.pipe(outgoing);
			}
		);
		forward.on('error', () => outgoing.destroy());
		incoming.pipe(forward);
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		transfers,
		close: () =>
			new Promise<void>((closed) => {
				server.closeAllConnections();
				server.close(() => closed());
			})
	};
}

/** Waits until nothing new has crossed the proxy for half a second (Playwright's "idle"). */
export async function quiet(proxy: CountingProxy): Promise<void> {
	for (let last = -1; proxy.transfers.length !== last;) {
		last = proxy.transfers.length;
		await sleep(500);
	}
}
