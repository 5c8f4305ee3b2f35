import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { UserError } from '../user-error';
import type { ContentInput } from './compile';
import { decodeContentFile } from './source-text';

/**
 * Reads every file under a content folder: Markdown as text (LF line ends), the rest as bytes.
 * A folder that is missing, is a file, or holds no Markdown is a UserError: one line saying so.
 */
export async function loadContent(root: string): Promise<ContentInput> {
	const info = await stat(root).catch(() => undefined);
	if (!info) throw new UserError(`there is no folder ${root}: check its name`);
	if (!info.isDirectory()) throw new UserError(`${root} is a file: give the content folder`);
	const markdown = new Map<string, string>();
	const assets = new Map<string, Uint8Array>();
	const notUtf8: NonNullable<ContentInput['notUtf8']> = new Map();
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile() || entry.name.startsWith('.')) continue;
		const full = join(entry.parentPath, entry.name);
		const path = relative(root, full).split(sep).join('/');
		if (path.split('/').some((part) => part.startsWith('.'))) continue;
		const bytes = await readFile(full);
		if (path.endsWith('.md')) {
			const decoded = decodeContentFile(bytes);
			markdown.set(path, decoded.text);
			if (decoded.notUtf8) notUtf8.set(path, decoded.notUtf8);
		} else {
			assets.set(path, bytes);
		}
	}
	if (markdown.size === 0) {
		throw new UserError(
			`${root} holds no lessons: the content folder has numbered pathway folders, like 01-digital-essentials/, with pathway.md, module folders and lesson files inside`
		);
	}
	return { markdown, assets, notUtf8 };
}
