import { describe, expect, it } from 'vitest';
import {
	packPath,
	packPlanOf,
	PRECACHE_FROM_PACK,
	precacheFromPack,
	readPack,
	writePack,
	type PackMember
} from './precache-pack';
import { integrityOf } from './precache-reuse';

const ORIGIN = 'http://clyde.test';
const bytes = (text: string) => new TextEncoder().encode(text);
const MEMBERS: PackMember[] = [
	{
		url: '_app/immutable/nodes/6.abc.js',
		type: 'text/javascript',
		bytes: bytes('export const a = 1;\n')
	},
	{ url: '_app/immutable/assets/6.def.css', type: 'text/css; charset=utf-8', bytes: bytes('p{}') },
	{ url: '_app/immutable/chunks/empty.js', type: 'text/javascript', bytes: bytes('') },
	{ url: '_app/immutable/chunks/ü.js', type: 'text/javascript', bytes: bytes('"ü✓"') }
];
const WORKER = `e.precacheAndRoute([${MEMBERS.map((m) => `{url:"${m.url}",revision:null}`).join(',')},{url:"_app/immutable/entry/app.js",revision:null},{url:"index.html",revision:"668e"}])`;

/**
 * The built sw.js's shim in a worker scope whose network serves `files` (by path) and whose
 * caches hold `cached` paths, recording each request.
 */
function workerScope(files: Record<string, Uint8Array<ArrayBuffer>>, cached: string[] = []) {
	const worker = precacheFromPack(WORKER, packPath(writePack(MEMBERS)), MEMBERS);
	const plan = packPlanOf(worker);
	const served: Record<string, Uint8Array<ArrayBuffer>> = {
		...files,
		[plan?.url ?? '']: writePack(MEMBERS)
	};
	const asked: string[] = [];
	const scope = {
		location: new URL(`${ORIGIN}/sw.js`),
		fetch: async (input: RequestInfo) => {
			const request = new Request(input);
			const path = new URL(request.url).pathname;
			asked.push(path);
			const body = served[path];
			return body ? new Response(body) : new Response('', { status: 404 });
		}
	};
	const caches = {
		match: async (path: string) => (cached.includes(path) ? new Response() : undefined)
	};
	new Function('self', 'caches', worker.slice(0, worker.indexOf('e.precacheAndRoute')))(
		scope,
		caches
	);
	/** A precache fetch as Workbox makes one for an entry without a revision. */
	const precache = (url: string, integrity: string) =>
		scope.fetch(new Request(`${ORIGIN}/${url}`, { integrity, credentials: 'same-origin' }));
	return { precache, fetch: scope.fetch, asked, plan, worker };
}

describe('writePack and precacheFromPack', () => {
	it('gives each member its integrity value and the worker the pack’s place and lengths', () => {
		const { worker, plan } = workerScope({});
		expect(worker.startsWith(PRECACHE_FROM_PACK.slice(0, 20))).toBe(true);
		for (const member of MEMBERS) {
			expect(worker).toContain(
				`{url:"${member.url}",revision:null,integrity:"${integrityOf(member.bytes)}"}`
			);
		}
		expect(worker).toContain('{url:"_app/immutable/entry/app.js",revision:null}');
		expect(plan?.url).toMatch(/^\/_app\/immutable\/precache\.[0-9a-f]{12}\.pack$/);
		expect(plan?.members).toEqual(
			Object.fromEntries(
				MEMBERS.map((m) => [new URL(`${ORIGIN}/${m.url}`).pathname, m.bytes.length])
			)
		);
	});

	it('reads back what it wrote', () => {
		expect(readPack(writePack(MEMBERS))).toEqual(MEMBERS);
	});

	it('names the pack by its bytes', () => {
		expect(packPath(writePack(MEMBERS))).toBe(packPath(writePack(MEMBERS)));
		expect(packPath(writePack(MEMBERS))).not.toBe(packPath(writePack(MEMBERS.slice(1))));
	});

	it('says which member sw.js does not precache as a hashed file', () => {
		expect(() => precacheFromPack('precacheAndRoute([])', 'p.pack', MEMBERS)).toThrow(
			'no "_app/immutable/nodes/6.abc.js"'
		);
	});
});

describe('the worker’s fetch with PRECACHE_FROM_PACK', () => {
	it('answers every member from one fetch of the pack, with its bytes and type', async () => {
		const worker = workerScope({});
		const answers = await Promise.all(
			MEMBERS.map((m) => worker.precache(m.url, integrityOf(m.bytes)))
		);
		for (const [i, answer] of answers.entries()) {
			const member = MEMBERS[i] as PackMember;
			expect(new Uint8Array(await answer.arrayBuffer())).toEqual(member.bytes);
			expect(answer.headers.get('Content-Type')).toBe(member.type);
		}
		expect(worker.asked).toEqual([worker.plan?.url]);
	});

	it('fetches a member whose bytes fail its integrity value on its own', async () => {
		const fresh = bytes('export const a = 2;\n');
		const worker = workerScope({ '/_app/immutable/nodes/6.abc.js': fresh });
		const answer = await worker.precache('_app/immutable/nodes/6.abc.js', integrityOf(fresh));
		expect(await answer.text()).toBe('export const a = 2;\n');
		expect(worker.asked).toEqual([worker.plan?.url, '/_app/immutable/nodes/6.abc.js']);
	});

	it('fetches each file on its own when most of the pack is cached already (an update)', async () => {
		const member = MEMBERS[3] as PackMember;
		const worker = workerScope({ '/_app/immutable/chunks/%C3%BC.js': bytes('"ü✓"') }, [
			'/_app/immutable/nodes/6.abc.js',
			'/_app/immutable/assets/6.def.css'
		]);
		const answer = await worker.precache(member.url, integrityOf(member.bytes));
		expect(await answer.text()).toBe('"ü✓"');
		expect(worker.asked).toEqual(['/_app/immutable/chunks/%C3%BC.js']);
	});

	it('leaves every other fetch as it was', async () => {
		const worker = workerScope({ '/index.html': bytes('<html>') });
		await worker.fetch(new Request(`${ORIGIN}/index.html`, { integrity: 'sha256-x' }));
		await worker.fetch(new Request(`${ORIGIN}/_app/immutable/nodes/6.abc.js`));
		await worker.fetch(`${ORIGIN}/sw.js`);
		expect(worker.asked).toEqual(['/index.html', '/_app/immutable/nodes/6.abc.js', '/sw.js']);
	});
});
