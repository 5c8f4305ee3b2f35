/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/publish.js. Plain ES2015 for goja.
//
// The server does not trust the client: a picture in a publish is stored only if it keeps the
// rules the publish step applied (allow-list.json, svg-contract.js), is exactly what its hash
// names, and is what its type says. Anything else refuses the whole publish, with a reason.

const { LESSON_HTML, MEDIA } = require(`${__hooks}/lib/allow-list.json`);
const { checkSvg } = require(`${__hooks}/lib/svg-contract.js`);

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** A picture's name: its sha256 in hex, the only value a figure's data-media may have. */
const MEDIA_HASH = new RegExp(LESSON_HTML.values['figure data-media']);

/**
 * Why a picture of a publish payload ({hash, type, data}) cannot be stored, or "" when it can.
 * `sha256` is the hash function ($security.sha256 on the server, node's crypto in tests).
 */
function mediaProblem(item, sha256) {
	if (!item || typeof item !== 'object') return 'must be an object';
	if (typeof item.hash !== 'string' || !MEDIA_HASH.test(item.hash)) {
		return '"hash" must be a sha256 in hex';
	}
	const type = MEDIA.types[item.type];
	if (!type || !Object.prototype.hasOwnProperty.call(MEDIA.types, item.type)) {
		return `"type" must be one of ${Object.keys(MEDIA.types).join(', ')}`;
	}
	if (typeof item.data !== 'string' || item.data === '' || item.data.length > MEDIA.maxChars) {
		return `"data" must be text of 1 to ${MEDIA.maxChars} characters`;
	}
	if (sha256(item.data) !== item.hash) return '"hash" is not the sha256 of "data"';
	if (item.type === 'svg') {
		const problems = checkSvg(item.data, { published: true });
		if (problems.length) {
			return `the SVG breaks the picture rules at character ${problems[0].offset}: ${problems[0].message}`;
		}
	} else if (!BASE64.test(item.data) || item.data.indexOf(type.base64Start) !== 0) {
		return `"data" must be a ${item.type} picture in base64`;
	}
	return '';
}

/** The media hashes that lesson HTML places (its figures' data-media). */
function placedHashes(html) {
	const hashes = [];
	const pattern = /data-media="([^"]*)"/g;
	let match;
	while ((match = pattern.exec(html)) !== null) hashes.push(match[1]);
	return hashes;
}

/**
 * About how many bytes downloading the picture costs: its data as the JSON answer carries it
 * (lib/json-answer.js: an SVG's <, > and & unescaped) plus the fields around it. The same
 * estimate as a lesson's (lib/catalog.js).
 */
function mediaBytes(data) {
	return data.length + 100;
}

module.exports = { mediaProblem, placedHashes, mediaBytes };
