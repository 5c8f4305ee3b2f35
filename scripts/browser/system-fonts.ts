import { access, readdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

const FONT_FILE = /\.(ttf|otf|ttc|pfb|pcf|pcf\.gz)$/i;

/**
 * Whether fontconfig on this machine can find any font: its configuration and at least one
 * font file in the usual places. A bare container often has neither, and Chromium then draws
 * every letter as nothing, which breaks layout, screenshots and contrast checks.
 */
export async function hasSystemFonts(
	env: NodeJS.ProcessEnv = process.env,
	root = '/',
	home = homedir()
): Promise<boolean> {
	// Someone set fontconfig up on purpose: leave it to them.
	if (env.FONTCONFIG_FILE || env.FONTCONFIG_PATH) return true;
	try {
		await access(join(root, 'etc/fonts/fonts.conf'));
	} catch {
		return false;
	}
	const dirs = [
		join(root, 'usr/share/fonts'),
		join(root, 'usr/local/share/fonts'),
		join(home, '.local/share/fonts'),
		join(home, '.fonts')
	];
	for (const dir of dirs) {
		const names = await readdir(dir, { recursive: true }).catch(() => []);
		if (names.some((name) => FONT_FILE.test(name))) return true;
	}
	return false;
}
