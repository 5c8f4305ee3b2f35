import { delimiter, join } from 'node:path';
import { UserError } from '../user-error';

/** Which Chromium the browser tests, benchmarks and icon drawing use, and why. */
export type BrowserChoice<Bundled> =
	| { source: 'CHROME_PATH'; path: string }
	| { source: 'system'; path: string }
	| { source: 'bundled'; bundled: Bundled };

/** The names a system Chromium or Chrome goes by, in order of preference. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * CHROME_PATH if set, else the first system Chromium on PATH, else the one shipped in the
 * @sparticuz/chromium package (`bundled` is undefined where that is missing or not made for
 * this platform). CLYDE_BROWSER=bundled skips the first two, so CI can prove that Node alone
 * is enough even on a machine that happens to have a browser.
 */
export function chooseBrowser<Bundled>(
	env: NodeJS.ProcessEnv,
	isExecutable: (path: string) => boolean,
	bundled: Bundled | undefined
): BrowserChoice<Bundled> {
	const forced = env.CLYDE_BROWSER;
	if (forced && forced !== 'bundled') {
		throw new UserError(
			`CLYDE_BROWSER must be "bundled" or unset, not "${forced}" (CHROME_PATH names any other browser)`
		);
	}
	if (forced === 'bundled') {
		if (bundled) return { source: 'bundled', bundled };
		throw new UserError(noBundled('CLYDE_BROWSER=bundled asks for it'));
	}
	if (env.CHROME_PATH) {
		if (isExecutable(env.CHROME_PATH)) return { source: 'CHROME_PATH', path: env.CHROME_PATH };
		throw new UserError(
			`CHROME_PATH is ${env.CHROME_PATH}, which is not an executable file: point it at a Chromium or Chrome binary, or unset it`
		);
	}
	const system = systemCandidates(env.PATH ?? '').find(isExecutable);
	if (system) return { source: 'system', path: system };
	if (bundled) return { source: 'bundled', bundled };
	throw new UserError(noBundled('no Chromium or Chrome was found on PATH'));
}

/** Every place on PATH where a system browser could be, best name first. */
export function systemCandidates(path: string): string[] {
	const dirs = path.split(delimiter).filter(Boolean);
	return SYSTEM_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
}

function noBundled(why: string): string {
	return `${why}, and the bundled Chromium (npm package @sparticuz/chromium) exists only for Linux x64 and needs "npm install": set CHROME_PATH to a Chromium or Chrome binary`;
}
