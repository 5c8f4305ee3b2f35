import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countingProxy, quiet, type CountingProxy } from '../../bench/counting-proxy';
import { launchChromium, type LaunchedBrowser } from '../../scripts/browser/chromium';
import { packPath, packPlanOf, writePack, type PackPlan } from '../../scripts/pwa/precache-pack';
import { integrityOf } from '../../scripts/pwa/precache-reuse';
import { goOffline } from '../support/offline';
import { startTestServer, type TestServer } from '../support/pocketbase';
import { waitForServiceWorker } from '../support/learner';

const BUILD = resolve(import.meta.dirname, '../../build');
const KIT = resolve(import.meta.dirname, '../../.svelte-kit');

/** The built file of the settings page's route node (a pack member: the first page is home). */
async function settingsNode(): Promise<string> {
	const nodes = join(KIT, 'generated/client-optimized/nodes');
	for (const name of await readdir(nodes)) {
		if ((await readFile(join(nodes, name), 'utf8')).includes('routes/settings/+page.svelte')) {
			const manifest = JSON.parse(
				await readFile(join(KIT, 'output/client/.vite/manifest.json'), 'utf8')
			) as Record<string, { file: string }>;
			const key = Object.keys(manifest).find((k) => k.endsWith(`client-optimized/nodes/${name}`));
			return `/${manifest[key ?? '']?.file}`;
		}
	}
	throw new Error('no settings page in the build');
}

/** The bytes the worker's caches hold for a path, as text (or null). */
function cachedText(page: import('playwright-core').Page, path: string): Promise<string | null> {
	return page.evaluate(async (wanted) => {
		for (const name of await caches.keys()) {
			const answer = await (await caches.open(name)).match(wanted);
			if (answer) return answer.text();
		}
		return null;
	}, path);
}

describe("the precache's pack, on a copy of the build the test can change", () => {
	let publicDir: string;
	let server: TestServer;
	let proxy: CountingProxy;
	let browser: LaunchedBrowser;
	let plan: PackPlan;

	beforeEach(async () => {
		publicDir = await mkdtemp(join(tmpdir(), 'clyde-pack-'));
		await cp(BUILD, publicDir, { recursive: true });
		server = await startTestServer(publicDir);
		proxy = await countingProxy(server.url);
		browser = await launchChromium();
		const found = packPlanOf(await readFile(join(publicDir, 'sw.js'), 'utf8'));
		if (!found) throw new Error('the build has no pack');
		plan = found;
	});
	afterEach(async () => {
		await browser?.close();
		await proxy?.close();
		await server?.destroy();
		await rm(publicDir, { recursive: true, force: true });
	});

	it('an update that changes one member fetches that file, not the new pack', async () => {
		const page = await browser.context.newPage();
		await page.goto(`${proxy.url}/`);
		await waitForServiceWorker(page);
		await quiet(proxy);
		expect(proxy.transfers.filter((t) => t.path === plan.url)).toHaveLength(1);

		// A new deploy in which one chunk changed: a new hashed name, a new integrity value in
		// sw.js, and a new pack holding the new chunk with the others.
		const [old] = Object.keys(plan.members);
		const renamed = (old as string).replace(/\.js$/, '-v2.js');
		const bytes = Buffer.from(`${await readFile(join(publicDir, `.${old}`), 'utf8')}\n// v2\n`);
		await writeFile(join(publicDir, `.${renamed}`), bytes);
		const members = await Promise.all(
			Object.keys(plan.members).map(async (path) => ({
				url: (path === old ? renamed : path).slice(1),
				type: 'text/javascript',
				bytes: path === old ? bytes : await readFile(join(publicDir, `.${path}`))
			}))
		);
		const pack = writePack(members);
		await writeFile(join(publicDir, packPath(pack)), pack);
		const newPlan: PackPlan = {
			url: `/${packPath(pack)}`,
			members: Object.fromEntries(members.map((m) => [`/${m.url}`, m.bytes.length]))
		};
		const worker = await readFile(join(publicDir, 'sw.js'), 'utf8');
		const entry = new RegExp(
			`\\{url:"${(old as string).slice(1)}",revision:null,integrity:"[^"]+"\\}`
		);
		expect(worker).toMatch(entry);
		await writeFile(
			join(publicDir, 'sw.js'),
			worker
				.replace(JSON.stringify(plan), JSON.stringify(newPlan))
				.replace(
					entry,
					`{url:"${renamed.slice(1)}",revision:null,integrity:"${integrityOf(bytes)}"}`
				)
		);

		const before = proxy.transfers.length;
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
			while (registration?.waiting?.state !== 'installed') {
				await new Promise((wait) => setTimeout(wait, 100));
			}
		});
		await quiet(proxy);
		const paths = proxy.transfers.slice(before).map((t) => t.path);
		expect(paths).toContain('/sw.js');
		expect(paths).toContain(renamed);
		expect(paths.filter((path) => path.endsWith('.pack'))).toEqual([]);
		expect(paths.filter((path) => path in plan.members)).toEqual([]);
		expect(await cachedText(page, renamed)).toBe(bytes.toString('utf8'));
	});

	it('a member whose bytes in the pack are wrong is fetched on its own, and its screen works offline', async () => {
		// One byte of the settings page's code changed inside the pack (the copies the build
		// compressed are now older than the pack, so the server sends it as it is).
		const settings = await settingsNode();
		expect(Object.keys(plan.members)).toContain(settings);
		const packFile = join(publicDir, `.${plan.url}`);
		const pack = await readFile(packFile);
		const built = await readFile(join(publicDir, `.${settings}`));
		const at = pack.indexOf(built);
		expect(at).toBeGreaterThan(0);
		const wrong = at + built.length - 2;
		pack.writeUInt8(pack.readUInt8(wrong) ^ 1, wrong);
		await writeFile(packFile, pack);

		const page = await browser.context.newPage();
		await page.goto(`${proxy.url}/`);
		await waitForServiceWorker(page);
		await quiet(proxy);
		const paths = proxy.transfers.map((t) => t.path);
		expect(paths.filter((path) => path === plan.url)).toHaveLength(1);
		expect(paths.filter((path) => path in plan.members)).toEqual([settings]);
		expect(await cachedText(page, settings)).toBe(built.toString('utf8'));

		const backOnline = await goOffline(browser.context);
		const offline = await browser.context.newPage();
		await offline.goto(`${proxy.url}/settings`);
		await offline.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
		await backOnline();
	});
});
