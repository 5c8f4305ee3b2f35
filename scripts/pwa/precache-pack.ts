import { createHash } from 'node:crypto';
import { integrityOf } from './precache-reuse';

/** A file that travels in the pack, by its precache URL (no leading slash, as in sw.js). */
export interface PackMember {
	url: string;
	type: string;
	bytes: Uint8Array;
}

/** What sw.js knows of its pack: where it is and each member's length, by absolute path. */
export interface PackPlan {
	url: string;
	members: Record<string, number>;
}

/**
 * The pack: one line of JSON (url, type, length of each member; JSON.stringify writes no raw
 * newline) and then the members' bytes one after another. One file compresses as one stream,
 * so the members share brotli's window, and crosses with one set of headers (about 200 bytes
 * a response, docs/benchmarks.md).
 */
export function writePack(members: PackMember[]): Uint8Array<ArrayBuffer> {
	const index = members.map(({ url, type, bytes }) => ({ url, type, length: bytes.length }));
	const head = new TextEncoder().encode(`${JSON.stringify(index)}\n`);
	const pack = new Uint8Array(head.length + members.reduce((n, m) => n + m.bytes.length, 0));
	pack.set(head);
	let at = head.length;
	for (const { bytes } of members) {
		pack.set(bytes, at);
		at += bytes.length;
	}
	return pack;
}

/** The members of a pack as writePack wrote them (for benchmarks; sw.js has its own reader). */
export function readPack(pack: Uint8Array): PackMember[] {
	const end = pack.indexOf(10);
	const index = JSON.parse(new TextDecoder().decode(pack.subarray(0, end))) as {
		url: string;
		type: string;
		length: number;
	}[];
	let at = end + 1;
	return index.map(({ url, type, length }) => {
		at += length;
		return { url, type, bytes: pack.subarray(at - length, at) };
	});
}

/** The pack's path under the build: hashed like Vite's files, so cached a year and immutable. */
export function packPath(pack: Uint8Array): string {
	return `_app/immutable/precache.${createHash('sha256').update(pack).digest('hex').slice(0, 12)}.pack`;
}

/**
 * Runs in sw.js before REUSE_PAGE_COPIES (scripts/pwa/precache-reuse.ts). `PACK` is replaced by
 * the build's PackPlan. A precache fetch for a pack member (Workbox passes the integrity value
 * the build gave it) is answered from the pack, fetched once for all members, when the check
 * against that value passes; anything else, or a member that fails it, goes to the network.
 *
 * Workbox only fetches what its cache lacks, so an update asks for the few files that changed:
 * the pack is used only when most of its bytes are missing (a first visit, or a deploy that
 * changed most files); otherwise each file comes on its own, as it would without a pack.
 */
export const PRECACHE_FROM_PACK = `(() => {
	const network = self.fetch.bind(self);
	const pack = PACK;
	const algorithms = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
	let members;
	const read = async () => {
		let missing = 0;
		let total = 0;
		for (const [path, length] of Object.entries(pack.members)) {
			total += length;
			if (!(await caches.match(path))) missing += length;
		}
		if (missing * 2 <= total) return new Map();
		const address = new URL(pack.url, self.location.origin);
		const answer = await network(new Request(address, { credentials: 'same-origin' }));
		if (!answer.ok) return new Map();
		const bytes = new Uint8Array(await answer.arrayBuffer());
		const end = bytes.indexOf(10);
		let at = end + 1;
		const found = new Map();
		for (const { url, type, length } of JSON.parse(new TextDecoder().decode(bytes.subarray(0, end)))) {
			found.set(new URL(url, self.location.origin).pathname, { type, body: bytes.slice(at, at + length) });
			at += length;
		}
		return found;
	};
	const matches = async (body, integrity) => {
		const dash = integrity.indexOf('-');
		const algorithm = algorithms[integrity.slice(0, dash)];
		if (!algorithm) return false;
		const digest = new Uint8Array(await crypto.subtle.digest(algorithm, body));
		return btoa(String.fromCharCode(...digest)) === integrity.slice(dash + 1);
	};
	self.fetch = async (input, init) => {
		if (!(input instanceof Request) || init !== undefined || !input.integrity) {
			return network(input, init);
		}
		const url = new URL(input.url);
		if (url.origin !== self.location.origin || !(url.pathname in pack.members)) return network(input);
		members ??= read().catch(() => new Map());
		const member = (await members).get(url.pathname);
		if (member && (await matches(member.body, input.integrity))) {
			return new Response(member.body, { headers: { 'Content-Type': member.type } });
		}
		return network(input);
	};
})();
`;

/**
 * sw.js with PRECACHE_FROM_PACK in front and an integrity value on each member's precache entry
 * (`{url:"…",revision:null}`: a hashed file). `read` gives a member's bytes by its URL. Throws
 * when a member has no such entry.
 */
export function precacheFromPack(
	serviceWorker: string,
	packUrl: string,
	members: PackMember[]
): string {
	let worker = serviceWorker;
	for (const { url, bytes } of members) {
		const entry = `{url:"${url}",revision:null}`;
		if (!worker.includes(entry)) throw new Error(`sw.js precaches no "${url}" without a revision`);
		worker = worker.replace(
			entry,
			`{url:"${url}",revision:null,integrity:"${integrityOf(bytes)}"}`
		);
	}
	const plan: PackPlan = {
		url: `/${packUrl}`,
		// By path as the worker sees it in a request (percent-encoded).
		members: Object.fromEntries(
			members.map(({ url, bytes }) => [new URL(url, 'http://build/').pathname, bytes.length])
		)
	};
	return PRECACHE_FROM_PACK.replace('PACK', () => JSON.stringify(plan)) + worker;
}

/** The PackPlan inside a built sw.js (for tests and benchmarks), or null when it has none. */
export function packPlanOf(serviceWorker: string): PackPlan | null {
	const found = serviceWorker.match(/\n\tconst pack = (\{.*\});\n/);
	return found ? (JSON.parse(found[1] as string) as PackPlan) : null;
}
