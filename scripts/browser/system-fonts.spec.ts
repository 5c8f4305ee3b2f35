import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasSystemFonts } from './system-fonts';

describe('hasSystemFonts', () => {
	let root: string;
	let home: string;
	beforeEach(async () => {
		root = await mkdtemp(join(tmpdir(), 'clyde-fonts-'));
		home = join(root, 'home/learner');
	});
	afterEach(() => rm(root, { recursive: true, force: true }));

	async function touch(...paths: string[]) {
		for (const path of paths) {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), '');
		}
	}

	it('is true with fontconfig set up and a font in a system or home font folder', async () => {
		await touch('etc/fonts/fonts.conf', 'usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
		expect(await hasSystemFonts({}, root, home)).toBe(true);

		await rm(join(root, 'usr'), { recursive: true });
		await touch('home/learner/.local/share/fonts/Inter.otf');
		expect(await hasSystemFonts({}, root, home)).toBe(true);
	});

	it('is false on a bare machine: no fontconfig, or no font files (a README is not a font)', async () => {
		expect(await hasSystemFonts({}, root, home)).toBe(false);
		await touch('usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
		expect(await hasSystemFonts({}, root, home)).toBe(false);

		await rm(join(root, 'usr'), { recursive: true });
		await touch('etc/fonts/fonts.conf', 'usr/share/fonts/README');
		expect(await hasSystemFonts({}, root, home)).toBe(false);
	});

	it('trusts a fontconfig set up on purpose through FONTCONFIG_FILE or FONTCONFIG_PATH', async () => {
		expect(await hasSystemFonts({ FONTCONFIG_FILE: '/opt/fonts.conf' }, root, home)).toBe(true);
		expect(await hasSystemFonts({ FONTCONFIG_PATH: '/opt/fonts' }, root, home)).toBe(true);
	});
});
