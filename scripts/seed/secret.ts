import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A random password of letters and digits only (24 of 62 kinds: 142 bits), so that no shell,
 * command-line parser or config file can take it for anything else. It was base64url, which
 * begins with "-" once in 64: `pocketbase admin create` then read the password as a flag, and
 * about one fresh `npm start` in 64 failed.
 */
export function randomSecret(length = 24): string {
	let secret = '';
	for (let i = 0; i < length; i++) secret += ALPHABET.charAt(randomInt(ALPHABET.length));
	return secret;
}
