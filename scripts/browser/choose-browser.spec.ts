import { describe, expect, it } from 'vitest';
import { chooseBrowser } from './choose-browser';

const BUNDLED = { version: '147.0.0' };
const PATH = '/usr/local/bin:/usr/bin';

/** A machine where exactly these files are executable. */
const machine =
	(...executables: string[]) =>
	(path: string) =>
		executables.includes(path);

describe('chooseBrowser', () => {
	it('takes CHROME_PATH first, over a system browser and the bundled one', () => {
		const env = { CHROME_PATH: '/opt/chrome/chrome', PATH };
		expect(chooseBrowser(env, machine('/opt/chrome/chrome', '/usr/bin/chromium'), BUNDLED)).toEqual(
			{
				source: 'CHROME_PATH',
				path: '/opt/chrome/chrome'
			}
		);
	});

	it('says so when CHROME_PATH is not an executable, instead of quietly using another browser', () => {
		const env = { CHROME_PATH: '/opt/typo/chrome', PATH };
		expect(() => chooseBrowser(env, machine('/usr/bin/chromium'), BUNDLED)).toThrow(
			'CHROME_PATH is /opt/typo/chrome, which is not an executable file'
		);
	});

	it('then a system browser on PATH, the first name in order of preference', () => {
		const found = machine('/usr/bin/google-chrome', '/usr/bin/chromium-browser');
		expect(chooseBrowser({ PATH }, found, BUNDLED)).toEqual({
			source: 'system',
			path: '/usr/bin/chromium-browser'
		});
		expect(
			chooseBrowser({ PATH }, machine('/usr/bin/chromium', '/usr/local/bin/chromium'), BUNDLED)
		).toEqual({
			source: 'system',
			path: '/usr/local/bin/chromium'
		});
	});

	it('then the bundled browser, when nothing else is there', () => {
		expect(chooseBrowser({ PATH }, machine(), BUNDLED)).toEqual({
			source: 'bundled',
			bundled: BUNDLED
		});
		expect(chooseBrowser({}, machine('/usr/bin/chromium'), BUNDLED).source).toBe('bundled');
	});

	it('takes the bundled browser when CLYDE_BROWSER=bundled, even with CHROME_PATH and a system one', () => {
		const env = { CLYDE_BROWSER: 'bundled', CHROME_PATH: '/usr/bin/chromium', PATH };
		expect(chooseBrowser(env, machine('/usr/bin/chromium'), BUNDLED).source).toBe('bundled');
	});

	it('explains what to do where there is no browser at all (not Linux x64, or no npm install)', () => {
		expect(() => chooseBrowser({ PATH }, machine(), undefined)).toThrow(
			/no Chromium or Chrome was found on PATH, and the bundled Chromium .* set CHROME_PATH/
		);
		expect(() =>
			chooseBrowser({ CLYDE_BROWSER: 'bundled', PATH }, machine('/usr/bin/chromium'), undefined)
		).toThrow(/CLYDE_BROWSER=bundled asks for it/);
	});

	it('rejects a CLYDE_BROWSER it does not know, naming it', () => {
		expect(() => chooseBrowser({ CLYDE_BROWSER: 'firefox', PATH }, machine(), BUNDLED)).toThrow(
			'CLYDE_BROWSER must be "bundled" or unset, not "firefox"'
		);
	});
});
