import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ContentInput } from './compile';

/** Reads every file under a content folder: Markdown as text (LF line ends), the rest as bytes. */
export async function loadContent(root: string): Promise<ContentInput> {
	const markdown = new Map<string, string>();
	const assets = new Map<string, Uint8Array>();
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile() || entry.name.startsWith('.')) continue;
		const full = join(entry.parentPath, entry.name);
		const path = relative(root, full).split(sep).join('/');
		if (path.endsWith('.md')) {
			markdown.set(
				path,
				(await readFile(full, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
			);
		} else {
			assets.set(path, await readFile(full));
		}
	}
	return { markdown, assets };
}
