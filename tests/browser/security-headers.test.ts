import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { parsePolicy, scriptReport, watchScript } from '../support/csp';
import { waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');
const BUILD = resolve(import.meta.dirname, '../../build');

/**
 * What a response is to a browser, which decides the headers it gets (docs/security.md): a
 * page of the app, its worker, a file a page reads (`asset`; `hashed`: the build's scripts and
 * styles), the API, the Admin UI.
 */
type Kind = 'app' | 'worker' | 'hashed' | 'asset' | 'api' | 'admin';

/** Every kind of response PocketBase gives: the app, its assets, the API, errors, the Admin UI. */
async function pathsToScan(): Promise<
	[method: string, path: string, status: number, kind: Kind][]
> {
	const entry = (await readdir(join(BUILD, '_app/immutable/entry'))).find((f) => f.endsWith('.js'));
	return [
		['GET', '/', 200, 'app'],
		['GET', '/pathways/digital-essentials/staying-safe/strong-passwords', 200, 'app'],
		['GET', '/index.html', 200, 'app'],
		['GET', '/runner', 200, 'app'],
		['GET', `/_app/immutable/entry/${entry}`, 200, 'hashed'],
		['GET', '/sw.js', 200, 'worker'],
		['GET', '/manifest.webmanifest', 200, 'asset'],
		['GET', '/favicon.png', 200, 'asset'],
		['GET', '/robots.txt', 200, 'asset'],
		['HEAD', '/', 200, 'app'],
		['GET', '/_app/immutable/entry/missing.js', 404, 'hashed'],
		['DELETE', '/', 405, 'app'],
		['GET', '/api/health', 200, 'api'],
		['GET', '/api/clyde/catalog', 200, 'api'],
		['GET', '/api/collections/lessons/records?perPage=1', 200, 'api'],
		['GET', '/api/realtime', 200, 'api'],
		['GET', '/api/no-such-route', 404, 'api'],
		['GET', '/api/collections/lessons/records/no-such-id', 404, 'api'],
		['POST', '/api/clyde/sync/push', 401, 'api'],
		['POST', '/api/collections/users/auth-with-password', 400, 'api'],
		['GET', '/_/', 200, 'admin']
	];
}

/** The sha256 sources each built page's own <meta> CSP allows for its inline scripts. */
async function builtPageHashes(): Promise<string[]> {
	const pages = (await readdir(BUILD, { recursive: true })).filter((f) => f.endsWith('.html'));
	const hashes = new Set<string>();
	for (const page of pages) {
		const html = await readFile(join(BUILD, page), 'utf8');
		for (const hash of html.match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? []) hashes.add(hash);
	}
	return [...hashes];
}

// Read for a document only: the window's policies and framing.
const PAGE_ONLY = [
	'permissions-policy',
	'cross-origin-opener-policy',
	'x-frame-options',
	'x-xss-protection'
];

function expectHeaders(kind: Kind, headers: Headers, where: string): void {
	// Everywhere but on the build's hashed code: public, and sent with its exact type.
	const file = kind === 'asset' || kind === 'hashed';
	expect(headers.get('x-content-type-options'), where).toBe(kind === 'hashed' ? null : 'nosniff');
	expect(headers.get('cross-origin-resource-policy'), where).toBe(
		kind === 'hashed' ? null : 'same-origin'
	);
	// A file a page reads makes its requests under the page's policy (docs/security.md).
	expect(headers.get('referrer-policy'), where).toBe(file ? null : 'no-referrer');
	const page = kind === 'app' || kind === 'admin';
	for (const name of PAGE_ONLY) expect(headers.has(name), `${where} ${name}`).toBe(page);
	expect(headers.has('strict-transport-security'), where).toBe(!file);
	if (!page) return;
	expect(headers.get('x-frame-options'), where).toBe(
		where.endsWith('/runner') ? 'SAMEORIGIN' : 'DENY'
	);
	expect(headers.get('cross-origin-opener-policy'), where).toBe('same-origin');
	const permissions = headers.get('permissions-policy') ?? '';
	for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
		expect(permissions, where).toContain(`${feature}=()`);
	}
}

function expectPolicy(kind: Kind, policy: string, hashes: string[], where: string): void {
	// A file a page reads is never a page itself: a policy there would be read by no browser.
	if (kind === 'asset' || kind === 'hashed') {
		expect(policy, where).toBe('');
		return;
	}
	const csp = parsePolicy(policy);
	// The runner has its own policy (tests/browser/exercise-isolation.test.ts checks it whole).
	if (where.endsWith('/runner')) {
		expect(csp['frame-ancestors'], where).toEqual(["'self'"]);
		expect(csp['sandbox'], where).toEqual(['allow-scripts']);
		return;
	}
	// Header-only, and the one defence against being framed (clickjacking).
	expect(csp['frame-ancestors'], where).toEqual(["'none'"]);
	expect(csp['object-src'] ?? csp['default-src'], where).toEqual(["'none'"]);
	if (kind === 'api') {
		expect(csp['default-src'], where).toEqual(["'none'"]);
	} else if (kind === 'app' || kind === 'worker') {
		expect(csp['default-src'], where).toEqual(["'self'"]);
		expect(csp['script-src']?.sort(), where).toEqual(["'self'", ...hashes].sort());
		expect(csp['connect-src'], where).toEqual(["'self'"]);
		expect(csp['img-src'], where).toEqual(["'self'", 'data:']);
		expect(csp['base-uri'], where).toEqual(["'self'"]);
		expect(csp['form-action'], where).toEqual(["'self'"]);
	}
	expect(policy, where).not.toContain('unsafe-eval');
	expect(csp['script-src']?.join(' ') ?? '', where).not.toContain('unsafe');
}

describe('security headers by kind of response (real PocketBase serving build/)', () => {
	it('a scan of every kind of path finds on each the headers a browser reads for it', async () => {
		const hashes = await builtPageHashes();
		// Without the bootstrap hash in the header the app could not start at all.
		expect(hashes.length).toBeGreaterThan(0);
		const rows: string[] = [];
		for (const [method, path, status, kind] of await pathsToScan()) {
			const abort = new AbortController();
			const response = await fetch(`${url}${path}`, { method, signal: abort.signal });
			abort.abort(); // /api/realtime streams for ever: the headers are all we need.
			const where = `${method} ${path}`;
			expect(response.status, where).toBe(status);
			expectHeaders(kind, response.headers, where);
			const policy = response.headers.get('content-security-policy') ?? '';
			expectPolicy(kind, policy, hashes, where);
			rows.push(`| ${method} ${path} | ${status} | ${kind} | ${policy} |`);
		}
		console.log(
			[
				'| request | status | policy | Content-Security-Policy |',
				'| --- | --- | --- | --- |',
				...rows
			].join('\n')
		);
	});
});

describe('the policies in real Chromium', () => {
	let browser: LaunchedBrowser;
	beforeAll(async () => {
		browser = await launchChromium();
		await watchScript(browser.context);
	});
	afterAll(() => browser?.close());

	it('the app runs under its CSP without a single violation', async () => {
		const page = await browser.context.newPage();
		const console: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' || m.type() === 'warning') console.push(m.text());
		});
		const lesson = '/pathways/digital-essentials/staying-safe/strong-passwords';
		for (const [path, heading] of [
			['/', 'Welcome to Clyde'],
			[lesson, 'Strong passwords'],
			[`${lesson}/quiz`, 'Quiz: Strong passwords'],
			['/progress', 'Your progress'],
			['/account', 'Your account']
		] as const) {
			await page.goto(`${url}${path}`);
			await page.getByRole('heading', { level: 1, name: heading }).waitFor();
			// As on a first visit: the worker installs and takes the page before the learner goes
			// on (leaving at once can cut its registration short, which is not what is tested).
			if (path === '/') await waitForServiceWorker(page);
		}
		await waitForServiceWorker(page);
		expect((await scriptReport(page)).violations).toEqual([]);
		// Neither a refused resource nor a Permissions-Policy feature Chromium does not know.
		expect(console.filter((m) => /Content Security Policy|Permissions-Policy/i.test(m))).toEqual(
			[]
		);
	});

	it("the service worker runs under the policy sent with sw.js, the page's scripts under the page's", async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/`);
		await waitForServiceWorker(page);
		// Both policies say connect-src 'self': where a policy applies, a fetch to another origin
		// is refused as a violation of it (without one it would just fail to connect). The page's
		// scripts carry none of their own; the document's policy is what holds them.
		const probe = `(async () => {
			const seen = new Promise((found) => self.addEventListener('securitypolicyviolation',
				(e) => found(e.effectiveDirective), { once: true }));
			fetch('http://127.0.0.2:9/').catch(() => {});
			return Promise.race([seen, new Promise((none) => setTimeout(() => none('none'), 3000))]);
		})()`;
		const worker = browser.context.serviceWorkers().find((w) => w.url().endsWith('/sw.js'));
		expect(worker, 'the app has a service worker').toBeDefined();
		expect(await worker?.evaluate(probe)).toBe('connect-src');
		expect(await page.evaluate(probe)).toBe('connect-src');
	});

	it('the Admin UI still works under its own policy', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${url}/_/`);
		await page.getByLabel('Email').fill(inject('adminEmail'));
		await page.getByLabel('Password').fill(inject('adminPassword'));
		await page.getByRole('button', { name: /login/i }).click();
		await page.getByText('lessons', { exact: true }).first().waitFor();
		expect((await scriptReport(page)).violations).toEqual([]);
	});
});
