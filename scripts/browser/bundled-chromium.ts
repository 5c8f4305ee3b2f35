import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { makeDirAtomically } from './atomic-dir';
import { hasSystemFonts } from './system-fonts';
import { untarBrotli } from './untar';

const ROOT = resolve(import.meta.dirname, '../..');
/** Ours alone: `npm ci` wipes it with node_modules, so a new package version unpacks afresh. */
export const CACHE_DIR = resolve(ROOT, 'node_modules/.cache/clyde-chromium');

export interface BundledPackage {
	version: string;
	/** The package's bin/ folder: chromium.br, al2023.tar.br, fonts.tar.br, swiftshader.tar.br. */
	binDir: string;
}

/** The installed @sparticuz/chromium, if this platform has one (its binary is Linux x64). */
export function bundledPackage(): BundledPackage | undefined {
	if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
	try {
		// The package exports only its code, so find its folder from there (build/cjs/index.cjs).
		const main = createRequire(import.meta.url).resolve('@sparticuz/chromium');
		const dir = dirname(dirname(dirname(main)));
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
			name?: string;
			version: string;
		};
		if (manifest.name !== '@sparticuz/chromium') return undefined;
		return { version: manifest.version, binDir: join(dir, 'bin') };
	} catch {
		return undefined;
	}
}

export interface UnpackedChromium {
	path: string;
	/** Environment for the browser process only: its libraries, and fonts if the machine has none. */
	env: Record<string, string>;
	version: string;
}

let unpacked: Promise<UnpackedChromium> | undefined;

/**
 * The bundled Chromium, unpacked once into CACHE_DIR/<version>/. Not the package's own
 * `executablePath()`: that writes /tmp/chromium in place and reuses whatever it finds there,
 * so an interrupted or concurrent first run leaves a half-written browser that is used for ever.
 */
export function bundledChromium(pkg: BundledPackage): Promise<UnpackedChromium> {
	unpacked ??= unpack(pkg);
	return unpacked;
}

async function unpack(pkg: BundledPackage): Promise<UnpackedChromium> {
	const dir = join(CACHE_DIR, pkg.version);
	const made = await makeDirAtomically(dir, async (temp) => {
		await pipeline(
			createReadStream(join(pkg.binDir, 'chromium.br')),
			createBrotliDecompress(),
			createWriteStream(join(temp, 'chromium'), { mode: 0o755, flush: true })
		);
		// NSS and expat, which the binary links against and a bare machine lacks (lib/).
		await untarBrotli(join(pkg.binDir, 'al2023.tar.br'), temp);
		// Open Sans (fonts/), with our own fonts.conf: the package's points at Lambda's folders.
		await untarBrotli(join(pkg.binDir, 'fonts.tar.br'), temp);
		await writeFile(join(temp, 'fonts.conf'), fontConfig(dir));
	});
	if (made === 'made') {
		console.error(`clyde: unpacked the bundled Chromium into ${relative(ROOT, dir)}/ (once)`);
	}
	const env: Record<string, string> = {
		LD_LIBRARY_PATH: [join(dir, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':')
	};
	if (!(await hasSystemFonts())) env.FONTCONFIG_PATH = dir;
	return { path: join(dir, 'chromium'), env, version: pkg.version };
}

function fontConfig(dir: string): string {
	const xml = (path: string) =>
		path.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
	<dir>${xml(join(dir, 'fonts'))}</dir>
	<cachedir>${xml(join(dir, 'fonts-cache'))}</cachedir>
</fontconfig>
`;
}
