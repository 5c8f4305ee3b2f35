import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from '../../scripts/pocketbase/ports';
import { seededRandom } from '../../src/lib/random/seeded-random';

/** What the proxy can do to one request; the probability left over passes it through. */
export const FAULTS = ['drop-request', 'drop-response', 'delay', 'reset', 'unavailable'] as const;
export type Fault = (typeof FAULTS)[number];
export type FaultOdds = Partial<Record<Fault, number>>;
export type FaultCounts = Record<Fault | 'pass' | 'offline', number>;

export const noFaults = (): FaultCounts => ({
	pass: 0,
	offline: 0,
	'drop-request': 0,
	'drop-response': 0,
	delay: 0,
	reset: 0,
	unavailable: 0
});

/**
 * An HTTP proxy on loopback in front of PocketBase that breaks requests the way a phone's
 * network does: lost before the server saw them, lost after the server committed them (the
 * case that makes retries dangerous), slow, cut off half-way, or refused by an overloaded
 * server. `offline` drops every connection, as a phone with no signal.
 */
export class ChaosProxy {
	url = '';
	offline = false;
	odds: FaultOdds;
	readonly counts = noFaults();
	#random: () => number;
	#server = createServer((incoming, outgoing) => this.#handle(incoming, outgoing));
	// Our own agent, so that stop() can close the upstream connections too.
	#agent = new Agent({ keepAlive: true });
	#sockets = new Set<Socket>();
	#timers = new Set<NodeJS.Timeout>();

	constructor(
		private readonly target: string,
		options: { seed?: number; odds?: FaultOdds } = {}
	) {
		this.#random = seededRandom(options.seed ?? 1);
		this.odds = options.odds ?? {};
		this.#server.on('connection', (socket) => {
			this.#sockets.add(socket);
			socket.on('close', () => this.#sockets.delete(socket));
		});
	}

	async start(): Promise<string> {
		const port = await freePort();
		await new Promise<void>((resolve, reject) => {
			this.#server.once('error', reject);
			this.#server.listen(port, '127.0.0.1', resolve);
		});
		this.url = `http://127.0.0.1:${port}`;
		return this.url;
	}

	/** Closes every socket, client and upstream, and forgets delayed requests. */
	async stop(): Promise<void> {
		for (const timer of this.#timers) clearTimeout(timer);
		for (const socket of this.#sockets) socket.destroy();
		this.#agent.destroy();
		await new Promise<void>((resolve) => this.#server.close(() => resolve()));
	}

	#pick(): Fault | 'pass' {
		let roll = this.#random();
		for (const fault of FAULTS) {
			roll -= this.odds[fault] ?? 0;
			if (roll < 0) return fault;
		}
		return 'pass';
	}

	#handle(incoming: IncomingMessage, outgoing: ServerResponse): void {
		// Checked per request, not per connection: a kept-alive socket must go offline too.
		if (this.offline) {
			this.counts.offline += 1;
			incoming.socket.destroy();
			return;
		}
		const fault = this.#pick();
		this.counts[fault] += 1;
		if (fault === 'drop-request') {
			incoming.socket.destroy();
			return;
		}
		if (fault === 'unavailable') {
			incoming.resume();
			outgoing.writeHead(503, { 'Content-Type': 'application/json' });
			outgoing.end('{"code":503,"message":"Injected by the chaos proxy.","data":{}}');
			return;
		}
		if (fault !== 'delay') return this.#forward(incoming, outgoing, fault);
		// The request body waits, paused, in the socket meanwhile.
		const timer = setTimeout(
			() => {
				this.#timers.delete(timer);
				this.#forward(incoming, outgoing, fault);
			},
			Math.floor(this.#random() * 301)
		);
		this.#timers.add(timer);
	}

	#forward(incoming: IncomingMessage, outgoing: ServerResponse, fault: Fault | 'pass'): void {
		const upstream = request(
			new URL(incoming.url ?? '/', this.target),
			{ method: incoming.method, headers: incoming.headers, agent: this.#agent },
			(answer) => {
				// The whole answer is read first: only then do we know the server has finished.
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => {
					const body = Buffer.concat(chunks);
					// The server answered (and committed); the client never hears of it.
					if (fault === 'drop-response') return void incoming.socket.destroy();
					outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
					if (fault !== 'reset') return void outgoing.end(body);
					// The status and half the body arrive, then the connection dies.
					outgoing.write(body.subarray(0, body.length >> 1), () => incoming.socket.destroy());
				});
			}
		);
		upstream.on('error', () => incoming.socket.destroy());
		incoming.pipe(upstream);
	}
}
