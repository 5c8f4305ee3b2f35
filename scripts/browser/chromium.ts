import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { bundledChromium, bundledPackage } from './bundled-chromium';
import { chooseBrowser } from './choose-browser';

export interface FoundChromium {
	path: string;
	/** Extra environment for the browser process (the bundled one's libraries and fonts). */
	env: Record<string, string>;
	/** Where it came from, for logs: "bundled (@sparticuz/chromium 147.0.0)". */
	source: string;
}

/** The Chromium to launch: CHROME_PATH, else a system one, else the bundled one (choose-browser.ts). */
export async function findChromium(env = process.env): Promise<FoundChromium> {
	const choice = chooseBrowser(env, isExecutableFile, bundledPackage());
	if (choice.source !== 'bundled') {
		return { path: choice.path, env: {}, source: `${choice.source} (${choice.path})` };
	}
	const bundled = await bundledChromium(choice.bundled);
	return {
		path: bundled.path,
		env: bundled.env,
		source: `bundled (@sparticuz/chromium ${bundled.version})`
	};
}

/** "Chromium 147.0.7727.0, bundled (@sparticuz/chromium 147.0.0)": for CI logs and benchmarks. */
export async function describeChromium(found?: FoundChromium): Promise<string> {
	const browser = found ?? (await findChromium());
	const { stdout } = await promisify(execFile)(browser.path, ['--version'], {
		env: { ...process.env, ...browser.env }
	});
	return `${stdout.trim()}, ${browser.source}`;
}

function isExecutableFile(path: string): boolean {
	try {
		accessSync(path, constants.X_OK);
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/**
 * Our own flags, for every Chromium. Without the background-networking ones Chromium keeps
 * dialling Google's hosts, which a closed network refuses; QUIC and the GPU are of no use
 * headless; --no-sandbox because CI runs as root.
 *
 * Not @sparticuz/chromium's default `args`, which are tuned for AWS Lambda. Tried here with
 * its Chromium 147 on a page served with a CSP, a service worker and a second origin:
 * `--disable-web-security` let the page read another origin's answer that carried no CORS
 * header (the same-origin policy is off: isolation and CORS tests would pass falsely);
 * `--enable-features=SharedArrayBuffer` gave SharedArrayBuffer to a page that is not
 * cross-origin isolated (hides a missing COOP/COEP); `--disable-site-isolation-trials` and
 * `--disable-features=IsolateOrigins,site-per-process` put cross-site frames in one process
 * (not what a phone does with a sandboxed frame); `--single-process --no-zygote
 * --in-process-gpu` run browser, pages, service workers and GPU in one process, so one crash
 * takes everything down (without the package's SwiftShader libraries it aborted at launch);
 * `--allow-running-insecure-content` allows mixed content. The service worker and the CSP
 * still behaved in that run, but nothing here needs those flags.
 */
const FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export interface LaunchedBrowser {
	context: BrowserContext;
	close(): Promise<void>;
}

/**
 * A persistent context in a fresh user-data dir: service workers and IndexedDB behave as on a
 * phone that opened the app for the first time, and the dir is removed on close.
 */
export async function launchChromium(
	options: {
		viewport?: { width: number; height: number };
		/** Ignore every Content-Security-Policy: only for a test's control run without the defence. */
		bypassCSP?: boolean;
		/** Where to make the user-data dir: Chromium's storage quota is a share of that disk. */
		profileParent?: string;
		/** The phone's time zone (IANA), e.g. for weeks that end at midnight where the learner is. */
		timezoneId?: string;
		/** More command-line flags, after ours (e.g. a debugging port for Lighthouse). */
		args?: string[];
		/** The phone's language (BCP 47): navigator.languages and Accept-Language say it. */
		locale?: string;
	} = {}
): Promise<LaunchedBrowser> {
	const browser = await findChromium();
	const userDataDir = await mkdtemp(join(options.profileParent ?? tmpdir(), 'clyde-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: browser.path,
		env: { ...process.env, ...browser.env },
		headless: true,
		args: [...FLAGS, ...(options.args ?? [])],
		viewport: options.viewport ?? { width: 390, height: 844 },
		bypassCSP: options.bypassCSP ?? false,
		...(options.timezoneId && { timezoneId: options.timezoneId }),
		...(options.locale && { locale: options.locale })
	});
	return {
		context,
		async close() {
			await context.close();
			await rm(userDataDir, { recursive: true, force: true });
		}
	};
}
