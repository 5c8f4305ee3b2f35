import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * sha256 of everything that is published of `value` and of its parent's id: a version goes
 * up at publish only when this changes, and moving a lesson changes it. Synchronous, and the
 * same in Node and the browser (Web Crypto's digest is asynchronous).
 */
export function contentHash(value: object, parentId: string | undefined): string {
	return bytesToHex(sha256(utf8ToBytes(JSON.stringify({ parentId: parentId ?? null, ...value }))));
}
