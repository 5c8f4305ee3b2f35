/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/badges.js. The issuer's Ed25519 keys and the JWS they sign.
//
// Why TweetNaCl: PocketBase's goja engine has no WebCrypto and no Node crypto, and crypto
// must not be hand-rolled. TweetNaCl.js (npm `tweetnacl`, a dependency in package.json) is
// small, pure ES5, has had an independent audit (Cure53, 2017) and runs in goja unchanged.
// It is loaded from the node_modules beside pb_hooks/: a deployment runs `npm ci --omit=dev`
// in the checkout (docs/operations.md); one that copies pb_hooks elsewhere must copy
// node_modules/tweetnacl/ beside it. Signing costs about a second in goja, so badges are
// signed once, when first claimed, and stored.

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** `count` bytes from PocketBase's CSPRNG (Go's crypto/rand behind $security). */
function randomBytes(count) {
	const hex = $security.randomStringWithAlphabet(count * 2, HEX);
	const bytes = new Uint8Array(count);
	for (let i = 0; i < count; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
	return bytes;
}

function nacl() {
	// TweetNaCl seeds its own PRNG at load from self.crypto, else from Node's require('crypto'),
	// which goja lacks and which would make the load throw. Hand it PocketBase's CSPRNG instead.
	if (typeof globalThis.self === 'undefined') {
		globalThis.self = {
			crypto: {
				getRandomValues: (array) => {
					array.set(randomBytes(array.length));
					return array;
				}
			}
		};
	}
	const path = `${__hooks}/../node_modules/tweetnacl/nacl-fast.js`;
	try {
		return require(path);
	} catch (error) {
		// Said plainly in the log and the answer, rather than goja's bare "Invalid module".
		throw new ApiError(
			500,
			`Badges cannot be signed: ${path} did not load (${error}). It comes from npm's tweetnacl: copy node_modules/tweetnacl/ beside pb_hooks/ (README, Deploy).`
		);
	}
}

/** A new key, from 32 random bytes; older keys stay, so what they signed stays verifiable. */
function addKey(dao) {
	const b64 = require(`${__hooks}/lib/base64url.js`);
	const pair = nacl().sign.keyPair.fromSeed(randomBytes(32));
	const record = new Record(dao.findCollectionByNameOrId('badge_keys'));
	record.set(
		'kid',
		`${new Date().toISOString().slice(0, 10)}-${$security.randomStringWithAlphabet(8, ID_ALPHABET)}`
	);
	record.set('public_key', b64.encode(pair.publicKey));
	record.set('secret_key', b64.encode(pair.secretKey));
	dao.saveRecord(record);
	return record;
}

/** Every key, oldest first. */
function allKeys(dao) {
	return dao.findRecordsByFilter('badge_keys', 'id != ""', 'created,id', 0, 0);
}

/** The key that signs new badges: the newest, made on first use. */
function signingKey(dao) {
	const keys = allKeys(dao);
	return keys.length ? keys[keys.length - 1] : addKey(dao);
}

/** The public keys as a JWK set (RFC 7517; Ed25519 as RFC 8037), each `kid` a URL serving it. */
function jwks(dao, base) {
	const urls = require(`${__hooks}/lib/badge-credential.js`).urls(base);
	if (allKeys(dao).length === 0) addKey(dao);
	return allKeys(dao).map((key) => ({
		kty: 'OKP',
		crv: 'Ed25519',
		alg: 'EdDSA',
		use: 'sig',
		kid: urls.key(key.getString('kid')),
		x: key.getString('public_key')
	}));
}

/** A compact JWS (EdDSA) of `payload`, signed with `key`; the header names only alg, kid, typ. */
function signJws(payload, key, base) {
	const b64 = require(`${__hooks}/lib/base64url.js`);
	const urls = require(`${__hooks}/lib/badge-credential.js`).urls(base);
	const header = { alg: 'EdDSA', kid: urls.key(key.getString('kid')), typ: 'JWT' };
	const input = `${b64.encode(b64.utf8(JSON.stringify(header)))}.${b64.encode(b64.utf8(JSON.stringify(payload)))}`;
	const signature = nacl().sign.detached(b64.utf8(input), b64.decode(key.getString('secret_key')));
	return `${input}.${b64.encode(signature)}`;
}

module.exports = { addKey, signingKey, jwks, signJws };
