import { describeChromium } from '../../scripts/browser/chromium';

/**
 * Finds the browser once before the browser tests (unpacking the bundled one the first time,
 * which takes seconds that no test's timeout should pay) and says which one they drive.
 */
export default async function setup(): Promise<void> {
	console.log(`browser tests use ${await describeChromium()}`);
}
