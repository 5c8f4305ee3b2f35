// Paths inside content/, always with "/", in Node and in the browser alike (no node:path).

/** A link's or picture's target, relative to content/, or why it cannot be one. */
export type Resolved = { path: string; anchor: string } | { problem: string };

/**
 * The path relative to content/ that `href`, written in `file`, points at, and its #anchor.
 * A "%" must start a %-code ("%20" is a space), as in any web address.
 */
export function resolveRelative(file: string, href: string): Resolved {
	const [pathPart = '', ...rest] = href.split('#');
	const encoded = pathPart.split('?')[0] ?? '';
	let decoded: string;
	try {
		decoded = decodeURI(encoded);
	} catch {
		return {
			problem: `"${href}" has a % sign that is not part of a %-code like %20: rename the file without "%"`
		};
	}
	return { path: joinPath(dirname(file), decoded), anchor: rest.join('#') };
}

export function dirname(file: string): string {
	const slash = file.lastIndexOf('/');
	return slash < 0 ? '' : file.slice(0, slash);
}

/** ".png" for "images/a.PNG"; "" when there is none. */
export function extname(file: string): string {
	const name = file.slice(file.lastIndexOf('/') + 1);
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** `dir` joined with `relative`, "." and ".." resolved; ".." past the top is kept. */
export function joinPath(dir: string, relative: string): string {
	const parts: string[] = [];
	for (const part of `${dir}/${relative}`.split('/')) {
		if (part === '' || part === '.') continue;
		if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
		else parts.push(part);
	}
	return parts.join('/');
}

/** Base64 of some bytes, without Node's Buffer. */
export function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/** The bytes base64 stands for, without Node's Buffer. */
export function fromBase64(base64: string): Uint8Array {
	return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
