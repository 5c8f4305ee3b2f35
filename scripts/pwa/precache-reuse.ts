import { createHash } from 'node:crypto';

/**
 * The precache entries with a revision that the page itself fetches on a first visit, by their
 * URL in the manifest: index.html (the page asks for it as `/`) and the blocking display-settings
 * script. Workbox fetches an entry with a revision with `cache: 'reload'`, so each crossed the
 * network a second time (2.6 KB, docs/benchmarks.md).
 */
export const PAGE_FETCHED = ['index.html', 'display-settings.js'];

/**
 * Runs first in sw.js. A precache fetch that carries an integrity value (only the entries above
 * get one) is tried from the HTTP cache first, under the address the page used: the browser checks
 * the bytes against the integrity value, so a copy from an older deploy is refused and the fetch
 * goes to the network as Workbox asked. The update path is unchanged: a new index.html has a new
 * revision and a new integrity value.
 */
export const REUSE_PAGE_COPIES = `(() => {
	const network = self.fetch.bind(self);
	const pageAddress = { '/index.html': '/' };
	self.fetch = (input, init) => {
		if (!(input instanceof Request) || init !== undefined) return network(input, init);
		if (input.cache !== 'reload' || !input.integrity) return network(input);
		const url = new URL(input.url);
		url.pathname = pageAddress[url.pathname] ?? url.pathname;
		const { integrity, credentials } = input;
		return network(new Request(url, { cache: 'force-cache', integrity, credentials })).catch(() =>
			network(input)
		);
	};
})();
`;

/** A Subresource Integrity value of the bytes (sha256: the shortest the browser checks). */
export function integrityOf(bytes: Uint8Array): string {
	return `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
}

/**
 * sw.js with an integrity value on each PAGE_FETCHED entry of its precache manifest (Workbox
 * passes it to the Request) and REUSE_PAGE_COPIES before everything else. `read` gives a built
 * file's bytes by its manifest URL. Throws if an entry is missing, or if sw.js was done already.
 */
export function reusePageCopies(serviceWorker: string, read: (url: string) => Uint8Array): string {
	if (serviceWorker.startsWith(REUSE_PAGE_COPIES)) {
		throw new Error('sw.js already reuses the page’s copies: build again first');
	}
	let worker = serviceWorker;
	for (const url of PAGE_FETCHED) {
		const entry = new RegExp(`\\{url:"${url.replace(/\./g, '\\.')}",revision:"[0-9a-f]+"`);
		const found = worker.match(entry);
		if (!found) throw new Error(`sw.js precaches no "${url}" with a revision`);
		worker = worker.replace(entry, `${found[0]},integrity:"${integrityOf(read(url))}"`);
	}
	return REUSE_PAGE_COPIES + worker;
}
