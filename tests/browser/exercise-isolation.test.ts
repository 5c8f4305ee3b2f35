import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { RUNNER_POLICY } from '../../scripts/build/runner-page';
import { buildPage } from '../../src/lib/exercises/build-page';
import type { ExerciseFiles } from '../../src/lib/exercises/types';
import { parsePolicy } from '../support/csp';
import { goOffline } from '../support/offline';
import { waitForServiceWorker } from '../support/learner';

const url = inject('pbUrl');

/** The learner's page as the app sends it to the runner: built, with loop guards. */
const page = (files: ExerciseFiles) => buildPage(files, (html) => new JSDOM(html).window.document);

/**
 * Opens the runner in the app's own page, as the exercise screen does: a frame sandboxed to
 * scripts only, messages taken from that frame alone. Everything the learner's code posts to
 * the app (window.top) is collected in window.__told, so a test can see what it managed to read.
 */
async function openRunner(app: Page): Promise<void> {
	await app.evaluate(async () => {
		const w = window as unknown as Record<string, unknown>;
		w.__told = [];
		w.__fromRunner = [];
		const frame = document.createElement('iframe');
		frame.setAttribute('sandbox', 'allow-scripts');
		frame.src = '/runner';
		frame.title = 'Your page';
		frame.style.cssText = 'width:360px;height:300px';
		document.body.append(frame);
		w.__frame = frame;
		await new Promise<void>((ready) => {
			window.addEventListener('message', (event) => {
				if (event.source === frame.contentWindow) {
					const data = event.data as { type?: string };
					if (data.type === 'ready') ready();
					if (data.type !== 'heartbeat') (w.__fromRunner as unknown[]).push(data);
				} else {
					(w.__told as unknown[]).push(event.data);
				}
			});
		});
	});
}

async function show(app: Page, html: string): Promise<void> {
	await app.evaluate((html) => {
		const frame = (window as unknown as { __frame: HTMLIFrameElement }).__frame;
		frame.contentWindow?.postMessage({ type: 'show', id: 1, html, title: 'Your page' }, '*');
	}, html);
	await app.waitForFunction(() =>
		(window as unknown as { __fromRunner: { type: string }[] }).__fromRunner.some(
			(m) => m.type === 'shown'
		)
	);
}

/** Runs learner code that reports what it found with report(key, value), and returns that. */
async function learnerFinds(app: Page, script: string): Promise<Record<string, unknown>> {
	await show(
		app,
		page({
			'index.html': '<p>Hi</p>',
			'script.js': `const report = (key, value) => top.postMessage({ key, value: String(value) }, '*');
const attempt = (key, f) => { try { report(key, f()); } catch (e) { report(key, 'blocked: ' + e.name); } };
${script}
report('done', true);`
		})
	);
	await app.waitForFunction(() =>
		(window as unknown as { __told: { key: string }[] }).__told.some((m) => m.key === 'done')
	);
	const told = await app.evaluate(
		() => (window as unknown as { __told: { key: string; value: string }[] }).__told
	);
	return Object.fromEntries(told.map((m) => [m.key, m.value]));
}

describe('the exercise runner keeps learner code away from the app', () => {
	let browser: LaunchedBrowser;
	let app: Page;
	let beacon: Server;
	let beaconUrl: string;
	const heard: string[] = [];

	beforeAll(async () => {
		// Somewhere else on the network that learner code must not reach.
		beacon = createServer((request, response) => {
			heard.push(`${request.method} ${request.url}`);
			response.end('ok');
		});
		beacon.on('upgrade', (request, socket) => {
			heard.push(`upgrade ${request.url}`);
			socket.destroy();
		});
		await new Promise<void>((listening) => beacon.listen(0, '127.0.0.1', listening));
		beaconUrl = `http://127.0.0.1:${(beacon.address() as AddressInfo).port}`;

		browser = await launchChromium({ viewport: { width: 360, height: 740 } });
		app = await browser.context.newPage();
		await app.goto(`${url}/`);
		await waitForServiceWorker(app);
		// What a signed-in learner's phone holds: a token, a cookie, progress in IndexedDB.
		await app.evaluate(async () => {
			localStorage.setItem('pocketbase_auth', JSON.stringify({ token: 'secret-token' }));
			document.cookie = 'session=secret-cookie; path=/';
			await new Promise<void>((done) => {
				const open = indexedDB.open('secret-db');
				open.onupgradeneeded = () => open.result.createObjectStore('s');
				open.onsuccess = () => {
					open.result.close();
					done();
				};
			});
		});
		await openRunner(app);
	});

	afterAll(async () => {
		await browser?.close();
		await new Promise((closed) => beacon?.close(closed));
	});

	it('serves the runner sandboxed, framed only by the app, with the policy of its build', async () => {
		const response = await fetch(`${url}/runner`);
		const header = response.headers.get('content-security-policy') ?? '';
		expect(parsePolicy(header)).toEqual({
			...parsePolicy(RUNNER_POLICY),
			sandbox: ['allow-scripts'],
			'frame-ancestors': ["'self'"]
		});
		expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		const html = await response.text();
		expect(html).toContain(
			`<meta http-equiv="Content-Security-Policy" content="${RUNNER_POLICY}">`
		);
	});

	it('runs learner code in an opaque origin with no storage, cookies or tokens', async () => {
		const found = await learnerFinds(
			app,
			`attempt('origin', () => self.origin);
attempt('localStorage', () => localStorage.getItem('pocketbase_auth'));
attempt('cookie', () => document.cookie);
attempt('topStorage', () => top.localStorage.getItem('pocketbase_auth'));
attempt('topDocument', () => top.document.cookie);
attempt('parentIndexedDB', () => parent.parent.indexedDB.databases());
attempt('indexedDB', () => indexedDB.open('secret-db'));
attempt('caches', () => caches.keys());
attempt('serviceWorker', () => navigator.serviceWorker.controller);`
		);
		expect(found).toMatchObject({
			origin: 'null',
			localStorage: expect.stringMatching(/^blocked: SecurityError/),
			cookie: expect.stringMatching(/^(blocked: SecurityError|)$/),
			topStorage: expect.stringMatching(/^blocked: SecurityError/),
			topDocument: expect.stringMatching(/^blocked: SecurityError/),
			parentIndexedDB: expect.stringMatching(/^blocked: SecurityError/),
			indexedDB: expect.stringMatching(/^blocked: SecurityError/),
			caches: expect.stringMatching(/^blocked: (SecurityError|ReferenceError|TypeError)/),
			serviceWorker: expect.stringMatching(/^blocked: (SecurityError|TypeError)|^undefined$/)
		});
		expect(JSON.stringify(found)).not.toMatch(/secret/);
	});

	it('cannot navigate the app, open windows or post forms', async () => {
		const pages = app.context().pages().length;
		await learnerFinds(
			app,
			`attempt('top', () => { top.location.href = '${url}/?hijacked'; });
attempt('parentRunner', () => { parent.location.href = '${beaconUrl}/runner-navigated'; });
attempt('open', () => window.open('${beaconUrl}/popup'));
attempt('form', () => {
	const form = document.createElement('form');
	form.action = '${beaconUrl}/form'; form.method = 'post';
	document.body.append(form); form.submit();
});
attempt('self', () => { location.href = '${beaconUrl}/self-navigated'; });`
		);
		await app.waitForTimeout(500);
		expect(app.url()).toBe(`${url}/`);
		expect(app.context().pages()).toHaveLength(pages);
		expect(heard).toEqual([]);
	});

	it('cannot make a request: fetch, XHR, beacons, pictures, styles, sockets, frames', async () => {
		await learnerFinds(
			app,
			`attempt('fetch', () => { fetch('${beaconUrl}/fetch').catch(() => {}); });
attempt('xhr', () => { const x = new XMLHttpRequest(); x.open('GET', '${beaconUrl}/xhr'); x.send(); });
attempt('beacon', () => navigator.sendBeacon('${beaconUrl}/beacon', 'x'));
attempt('img', () => { new Image().src = '${beaconUrl}/img'; });
attempt('css', () => { document.body.style.background = 'url(${beaconUrl}/css)'; });
attempt('font', () => { const s = document.createElement('style'); s.textContent = "@font-face{font-family:x;src:url(${beaconUrl}/font)} p{font-family:x}"; document.head.append(s); });
attempt('socket', () => new WebSocket('${beaconUrl.replace('http', 'ws')}/ws'));
attempt('frame', () => { const f = document.createElement('iframe'); f.src = '${beaconUrl}/frame'; document.body.append(f); });
attempt('script', () => { const s = document.createElement('script'); s.src = '${beaconUrl}/script.js'; document.head.append(s); });
attempt('prefetch', () => { const l = document.createElement('link'); l.rel = 'prefetch'; l.href = '${beaconUrl}/prefetch'; document.head.append(l); });
attempt('eval', () => eval('1 + 1'));`
		);
		await app.waitForTimeout(1000);
		expect(heard).toEqual([]);
	});

	it('stops a loop that never ends, keeps the app answering, and says so', async () => {
		const html = page({
			'index.html': '<button>Go</button><ul></ul>',
			'script.js': `const button = document.querySelector('button');
button.onclick = () => { while (true) {} };
for (;;) {}`
		});
		const checks = [
			{ type: 'click-adds', click: 'button', selector: 'li', message: 'Clicking Go adds an item.' }
		];
		// The learner's page loops as it loads, and again when the check taps its button. Meanwhile
		// the learner taps a button of the app's: how long until the app handles it (input delay)?
		await app.evaluate(
			({ html, checks }) => {
				const w = window as unknown as Record<string, unknown> & {
					__frame: HTMLIFrameElement;
					__fromRunner: unknown[];
				};
				w.__fromRunner.length = 0;
				const button = document.createElement('button');
				button.textContent = 'app button';
				button.style.cssText = 'position:fixed;top:0;left:0;z-index:99';
				document.body.append(button);
				button.onclick = (event) => (w.__inputDelay = performance.now() - event.timeStamp);
				w.__frame.contentWindow?.postMessage(
					{ type: 'check', id: 7, html, title: 'Your page', checks },
					'*'
				);
			},
			{ html, checks }
		);
		await app.waitForTimeout(200);
		await app.getByRole('button', { name: 'app button' }).click();
		await app.waitForFunction(() =>
			(window as unknown as { __fromRunner: { type: string }[] }).__fromRunner.some(
				(m) => m.type === 'results'
			)
		);
		const { inputDelay, fromRunner } = await app.evaluate(() => {
			const w = window as unknown as { __inputDelay: number; __fromRunner: unknown[] };
			return { inputDelay: w.__inputDelay, fromRunner: w.__fromRunner };
		});
		console.log(`app input delay while learner code looped: ${Math.round(inputDelay)} ms`);
		// The guard stops a loop after a second; a thread shared with the frame waits that long.
		expect(inputDelay).toBeLessThan(1500);
		expect(fromRunner).toContainEqual({ type: 'loop-stopped', id: 7 });
		expect(fromRunner).toContainEqual({
			type: 'results',
			id: 7,
			results: [{ index: 0, passed: false, message: 'Clicking Go adds an item.' }]
		});
	});

	it('keeps its policy and sandbox when the service worker answers offline', async () => {
		const goOnline = await goOffline(browser.context);
		try {
			await app.reload();
			await openRunner(app);
			const found = await learnerFinds(
				app,
				`document.addEventListener('securitypolicyviolation', (e) => report('violated', e.effectiveDirective));
attempt('origin', () => self.origin);
attempt('fetch', () => { fetch('${beaconUrl}/offline').catch(() => {}); });
`
			);
			expect(found.origin).toBe('null');
			await app.waitForFunction(() =>
				(window as unknown as { __told: { key: string }[] }).__told.some(
					(m) => m.key === 'violated'
				)
			);
			const told = await app.evaluate(() => (window as unknown as { __told: unknown[] }).__told);
			expect(told).toContainEqual({ key: 'violated', value: 'connect-src' });
		} finally {
			await goOnline();
		}
	});
});
