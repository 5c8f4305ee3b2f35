import { describe, expect, it } from 'vitest';
import { integrityOf, REUSE_PAGE_COPIES, reusePageCopies } from './precache-reuse';

const bytes = (text: string) => new TextEncoder().encode(text);
const WORKER =
	'e.precacheAndRoute([{url:"_app/immutable/a.js",revision:null},{url:"display-settings.js",revision:"ce40"},{url:"index.html",revision:"668e"}])';

/** REUSE_PAGE_COPIES run in a worker scope whose network is `answer`, recording each request. */
function workerScope(answer: (request: Request) => Promise<Response>) {
	const asked: Request[] = [];
	const scope = {
		fetch: (input: RequestInfo, init?: RequestInit) => {
			const request = new Request(input, init);
			asked.push(request);
			return answer(request);
		}
	};
	new Function('self', REUSE_PAGE_COPIES)(scope);
	return { fetch: scope.fetch, asked };
}

describe('reusePageCopies', () => {
	it('gives the page-fetched entries the integrity of their bytes and runs first', () => {
		const files: Record<string, string> = { 'index.html': '<html>', 'display-settings.js': 'x' };
		const worker = reusePageCopies(WORKER, (url) => bytes(files[url] ?? ''));
		expect(worker.startsWith(REUSE_PAGE_COPIES)).toBe(true);
		expect(worker).toContain(
			`{url:"index.html",revision:"668e",integrity:"${integrityOf(bytes('<html>'))}"}`
		);
		expect(worker).toContain(
			`{url:"display-settings.js",revision:"ce40",integrity:"${integrityOf(bytes('x'))}"}`
		);
		expect(worker).toContain('{url:"_app/immutable/a.js",revision:null}');
	});

	it('says which entry is missing, and refuses a worker done already', () => {
		const read = () => bytes('');
		expect(() =>
			reusePageCopies('precacheAndRoute([{url:"index.html",revision:"1"}])', read)
		).toThrow('no "display-settings.js"');
		expect(() => reusePageCopies(reusePageCopies(WORKER, read), read)).toThrow('build again');
	});
});

describe('the worker’s fetch with REUSE_PAGE_COPIES', () => {
	const precacheFetch = (url: string) =>
		new Request(url, { cache: 'reload', integrity: 'sha256-abc', credentials: 'same-origin' });

	it('asks the HTTP cache for the page’s own copy first, under the address the page used', async () => {
		const worker = workerScope(async () => new Response('page'));
		await worker.fetch(precacheFetch('http://clyde.test/index.html'));
		await worker.fetch(precacheFetch('http://clyde.test/display-settings.js'));
		expect(worker.asked.map((r) => [r.url, r.cache, r.integrity])).toEqual([
			['http://clyde.test/', 'force-cache', 'sha256-abc'],
			['http://clyde.test/display-settings.js', 'force-cache', 'sha256-abc']
		]);
	});

	it('goes to the network as Workbox asked when that copy is refused', async () => {
		const worker = workerScope(async (request) => {
			if (request.cache === 'force-cache') throw new TypeError('integrity mismatch');
			return new Response('fresh');
		});
		const answer = await worker.fetch(precacheFetch('http://clyde.test/index.html'));
		expect(await answer.text()).toBe('fresh');
		expect(worker.asked.map((r) => [r.url, r.cache])).toEqual([
			['http://clyde.test/', 'force-cache'],
			['http://clyde.test/index.html', 'reload']
		]);
	});

	it('leaves every other fetch as it was', async () => {
		const worker = workerScope(async () => new Response(''));
		await worker.fetch(new Request('http://clyde.test/api/clyde/catalog'));
		await worker.fetch(new Request('http://clyde.test/index.html', { cache: 'reload' }));
		await worker.fetch('http://clyde.test/sw.js');
		expect(worker.asked.map((r) => [r.url, r.cache])).toEqual([
			['http://clyde.test/api/clyde/catalog', 'default'],
			['http://clyde.test/index.html', 'reload'],
			['http://clyde.test/sw.js', 'default']
		]);
	});
});
