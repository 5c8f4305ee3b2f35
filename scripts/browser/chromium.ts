import { access, constants, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { UserError } from '../user-error';

/** Debian's Chromium, unless CHROME_PATH names another Chromium-based browser. */
export async function findChromium(env = process.env): Promise<string> {
	const path = env.CHROME_PATH || '/usr/bin/chromium';
	try {
		await access(path, constants.X_OK);
	} catch {
		throw new UserError(
			`no Chromium at ${path}: install it with "apt-get install -y chromium" (Debian) or set CHROME_PATH to a Chromium or Chrome binary`
		);
	}
	return path;
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// closed network refuses; QUIC and the GPU are of no use headless.
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
	} = {}
): Promise<LaunchedBrowser> {
	const executablePath = await findChromium();
	const userDataDir = await mkdtemp(join(options.profileParent ?? tmpdir(), 'clyde-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless: true,
		args: FLAGS,
		viewport: options.viewport ?? { width: 390, height: 844 },
		bypassCSP: options.bypassCSP ?? false
	});
	return {
		context,
		async close() {
			await context.close();
			await rm(userDataDir, { recursive: true, force: true });
		}
	};
}
