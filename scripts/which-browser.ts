import { describeChromium } from './browser/chromium';
import { runMain } from './user-error';

/**
 * `npm run which-browser`: the Chromium that browser tests, benchmarks and `npm run icons`
 * will use, and why (unpacking the bundled one first if it is that one).
 */
runMain(async () => {
	console.log(`browser: ${await describeChromium()}`);
});
