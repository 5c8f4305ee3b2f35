import { posix } from 'node:path';
import { pictureType } from './pictures';

const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Where a picture an editor wrote (`![alt](src)` in `file`) is in content/, or why it cannot
 * be a picture. Paths are taken as written: a space or a "%" in one is refused with a
 * message, never decoded (a stray "%" once stopped the checker with a stack trace).
 */
export function picturePath(file: string, src: string): { path: string } | { problem: string } {
	const written = src.trim();
	if (ANY_SCHEME.test(written) || written.startsWith('//')) {
		return {
			problem: `image "${written}" must be a file in content/: learners offline cannot load pictures from the web`
		};
	}
	if (/\s/.test(written)) {
		return {
			problem: `picture "${written}" has a space in its path: rename the file with hyphens, like "${written.replace(/\s+/g, '-')}"`
		};
	}
	if (/[%#?]/.test(written)) {
		return {
			problem: `picture "${written}" has a "${/[%#?]/.exec(written)?.[0]}" in its path: name picture files with lower-case letters, numbers and hyphens`
		};
	}
	const path = posix.normalize(posix.join(posix.dirname(file), written));
	if (path.startsWith('../') || written.startsWith('/')) {
		return {
			problem: `picture "${written}" is not inside content/: write its path from this file, like "images/router.svg"`
		};
	}
	if (!pictureType(path)) {
		return {
			problem: `"${written}" is not a picture Clyde can show: use .svg for drawings, or .png, .jpg, .webp or .gif`
		};
	}
	return { path };
}
