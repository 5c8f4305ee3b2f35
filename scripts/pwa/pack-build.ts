import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeRoots } from '../../bench/critical-js';
import { compressBoth } from '../build/precompress';
import { pageFiles, type LazyManifestChunk } from './page-files';
import { packPath, precacheFromPack, writePack, type PackMember } from './precache-pack';

/** Content types of what the precache holds under /_app/immutable/ (as the server sends them). */
const TYPES: Record<string, string> = {
	js: 'text/javascript',
	css: 'text/css; charset=utf-8',
	svg: 'image/svg+xml',
	woff2: 'font/woff2'
};

/**
 * Writes the precache's pack into `dir` (the build) with its brotli and gzip copies, and points
 * dir/sw.js at it. Members: the hashed files the worker precaches that the first page does not
 * fetch itself (those the worker takes from the HTTP cache). `kit` is SvelteKit's output dir
 * (.svelte-kit), whose manifest tells which files the first page may fetch. Returns the pack's
 * path, its members and its size as sent with brotli.
 */
export async function packPrecache(
	dir: string,
	kit: string
): Promise<{ path: string; members: number; br: number }> {
	const manifest = JSON.parse(
		readFileSync(join(kit, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, LazyManifestChunk>;
	const app = readFileSync(join(kit, 'generated/client-optimized/app.js'), 'utf8');
	const keyOf = (suffix: string) => Object.keys(manifest).find((key) => key.endsWith(suffix)) ?? '';
	// SvelteKit's client loads the root error page (node 1) at start, beside the route's nodes.
	const roots = [...routeRoots(manifest, app, '/'), keyOf('client-optimized/nodes/1.js')];
	const onPage = pageFiles(manifest, roots, keyOf('generated/client-optimized/app.js'));

	const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
	const precached = [...worker.matchAll(/\{url:"(_app\/immutable\/[^"]+)",revision:null\}/g)];
	const members: PackMember[] = precached
		.map((entry) => entry[1] as string)
		.filter((url) => !onPage.has(url))
		.map((url) => ({
			url,
			type: TYPES[url.slice(url.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
			bytes: readFileSync(join(dir, url))
		}));
	const pack = writePack(members);
	const path = packPath(pack);
	// Brotli's default window (4 MB) already spans the whole pack: every member can refer back
	// to all before it, which is where the pack's saving over separate files comes from.
	const { br, gzip } = await compressBoth(Buffer.from(pack));
	writeFileSync(join(dir, path), pack);
	writeFileSync(join(dir, `${path}.br`), br);
	writeFileSync(join(dir, `${path}.gz`), gzip);
	writeFileSync(join(dir, 'sw.js'), precacheFromPack(worker, path, members));
	return { path, members: members.length, br: br.length };
}
