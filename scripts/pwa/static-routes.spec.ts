import { describe, expect, it } from 'vitest';
import { routableFiles, staticRoutesCode, withStaticRoutes } from './static-routes';

const WORKER =
	'e.precacheAndRoute([{url:"_app/immutable/entry/start.B1.js",revision:null},{url:"_app/immutable/assets/0.h.css",revision:null},{url:"display-settings.js",revision:"ce40"},{url:"index.html",revision:"668e",integrity:"sha256-x"}])';

type Listener = (event: unknown) => void;

/** The snippet run in a worker scope; returns the install listener it added. */
function installListener(code: string): Listener {
	let listener: Listener | undefined;
	const scope = {
		registration: { scope: 'http://clyde.test/' },
		addEventListener: (type: string, added: Listener) => {
			if (type === 'install') listener = added;
		}
	};
	new Function('self', code)(scope);
	if (!listener) throw new Error('no install listener');
	return listener;
}

describe('routableFiles', () => {
	it('lists the precached hashed files by address, not the entries keyed with a revision', () => {
		expect(routableFiles(WORKER)).toEqual([
			'/_app/immutable/entry/start.B1.js',
			'/_app/immutable/assets/0.h.css'
		]);
	});
});

describe('the install listener of staticRoutesCode', () => {
	it('routes the listed files to Workbox’s precache of this scope', async () => {
		const added: unknown[] = [];
		const waited: Promise<unknown>[] = [];
		installListener(staticRoutesCode(['/_app/immutable/a.js', '/_app/immutable/b.css']))({
			addRoutes: async (rule: unknown) => void added.push(rule),
			waitUntil: (promise: Promise<unknown>) => void waited.push(promise)
		});
		await Promise.all(waited);
		expect(added).toEqual([
			{
				condition: {
					or: [
						{ urlPattern: { pathname: '/_app/immutable/a.js' } },
						{ urlPattern: { pathname: '/_app/immutable/b.css' } }
					]
				},
				source: { cacheName: 'workbox-precache-v2-http://clyde.test/' }
			}
		]);
	});

	it('never fails the install: no API, a refused rule, or one that throws', async () => {
		const listener = installListener(staticRoutesCode(['/_app/immutable/a.js']));
		const waited: Promise<unknown>[] = [];
		const waitUntil = (promise: Promise<unknown>) => void waited.push(promise);
		expect(() => listener({ waitUntil })).not.toThrow();
		listener({ waitUntil, addRoutes: () => Promise.reject(new TypeError('bad rule')) });
		expect(() =>
			listener({
				waitUntil,
				addRoutes: () => {
					throw new TypeError('bad rule');
				}
			})
		).not.toThrow();
		await expect(Promise.all(waited)).resolves.toEqual([undefined]);
	});
});

describe('withStaticRoutes', () => {
	it('appends the routes for the worker’s own hashed files, once', () => {
		const worker = withStaticRoutes(WORKER);
		expect(worker.startsWith(WORKER)).toBe(true);
		expect(worker).toContain(
			'["/_app/immutable/entry/start.B1.js","/_app/immutable/assets/0.h.css"]'
		);
		expect(() => withStaticRoutes(worker)).toThrow('build again');
	});

	it('says so when the worker precaches no hashed file', () => {
		expect(() => withStaticRoutes('precacheAndRoute([{url:"index.html",revision:"1"}])')).toThrow(
			'no file under /_app/immutable/'
		);
	});
});
