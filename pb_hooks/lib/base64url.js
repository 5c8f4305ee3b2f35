// Loaded with require() from lib/badge-keys.js. Plain JavaScript for goja, which has neither
// Buffer nor TextEncoder: the JWS needs UTF-8 bytes (a learner's name may be "Zoë") and
// unpadded base64url (RFC 7515 §2). src/lib/badges/base64url-server.spec.ts checks these
// against Node's own encoders.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
function utf8(text) {
	const bytes = [];
	for (let i = 0; i < text.length; i++) {
		let code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const low = text.charCodeAt(i + 1);
			if (low >= 0xdc00 && low <= 0xdfff) {
				code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
				i++;
			}
		}
		if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
		if (code < 0x80) bytes.push(code);
		else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
		else if (code < 0x10000)
			bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
		else
			bytes.push(
				0xf0 | (code >> 18),
				0x80 | ((code >> 12) & 63),
				0x80 | ((code >> 6) & 63),
				0x80 | (code & 63)
			);
	}
	return new Uint8Array(bytes);
}

/** Unpadded base64url of bytes. */
function encode(bytes) {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
		out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
		if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
		if (i + 2 < bytes.length) out += ALPHABET[n & 63];
	}
	return out;
}

/** The bytes of unpadded base64url text; throws on any other character. */
function decode(text) {
	const bytes = [];
	let bits = 0;
	let value = 0;
	for (const char of text) {
		const index = ALPHABET.indexOf(char);
		if (index < 0) throw new Error('not base64url');
		value = (value << 6) | index;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes.push((value >> bits) & 255);
		}
	}
	return new Uint8Array(bytes);
}

module.exports = { utf8, encode, decode };
