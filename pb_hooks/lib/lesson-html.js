/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from publish.js. Plain ES2015+ for PocketBase's goja engine, which has
// no DOM: so the server does not sanitise, it checks that lesson HTML is already in the form
// the publisher's sanitiser (DOMPurify, scripts/content/sanitize.ts) writes, against the same
// allow-list, and refuses anything else (docs/security.md says why).
//
// The accepted form is narrow on purpose: lower-case allowed tags, double-quoted attribute
// values, a few entities, text with no "<", no comments. A browser reads such HTML one way
// only, so what passes here is what a learner's phone builds: no parser can see a tag this
// check did not.

const ALLOW = require(`${__hooks}/lib/allow-list.json`).LESSON_HTML;

const VOID = { br: true, hr: true, input: true };
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
// Sticky: each is tried exactly where a "<" is, without copying the rest of the text.
const TAG = /<([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"]*")*)\s*>/y;
const END_TAG = /<\/([a-z][a-z0-9]*)>/y;
const ATTRIBUTE = /\s+([a-z][a-z-]*)="([^"]*)"/g;
const ENTITY = /^&(?:([a-z]+)|#([0-9]{1,7})|#x([0-9a-f]{1,6}));/i;

/**
 * Returns "" when `html` holds only what the allow-list allows, else a reason naming the first
 * thing that does not pass and where it is.
 */
function checkLessonHtml(html) {
	if (typeof html !== 'string') return 'is not text';
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		const text = html.slice(i, lt < 0 ? html.length : lt);
		const textProblem = checkText(text);
		if (textProblem) return `${textProblem} at character ${i + 1}`;
		if (lt < 0) return '';
		END_TAG.lastIndex = lt;
		const end = END_TAG.exec(html);
		if (end) {
			if (!ALLOW.tags[end[1]] || VOID[end[1]]) return `</${end[1]}> at character ${lt + 1}`;
			i = lt + end[0].length;
			continue;
		}
		TAG.lastIndex = lt;
		const tag = TAG.exec(html);
		if (!tag) return `${describe(html.slice(lt, lt + 100))} at character ${lt + 1}`;
		const problem = checkTag(tag[1], tag[2]);
		if (problem) return `${problem} at character ${lt + 1}`;
		i = lt + tag[0].length;
	}
	return '';
}

function checkTag(name, attributes) {
	const allowed = ALLOW.tags[name];
	if (!allowed) return `<${name}> is not an allowed tag`;
	const seen = {};
	ATTRIBUTE.lastIndex = 0;
	let match;
	while ((match = ATTRIBUTE.exec(attributes))) {
		const attribute = match[1];
		if (allowed.indexOf(attribute) < 0) return `${attribute}="…" is not allowed on <${name}>`;
		if (seen[attribute]) return `${attribute} appears twice on <${name}>`;
		seen[attribute] = true;
		const value = decode(match[2]);
		if (value === null) return `the value of ${attribute} on <${name}> has an unknown entity`;
		const pattern = ALLOW.values[`${name} ${attribute}`] || ALLOW.values[attribute];
		const url = ALLOW.urls[`${name} ${attribute}`];
		if (pattern && !new RegExp(pattern).test(value)) {
			return `${attribute}="${value.slice(0, 40)}" is not allowed on <${name}>`;
		}
		// A browser ignores spaces and control characters in a URL ("java\tscript:"): none pass.
		// eslint-disable-next-line no-control-regex -- control characters are what it looks for
		if (url && (/[\u0000-\u0020\u007f-\u009f]/.test(value) || !new RegExp(url).test(value))) {
			return `${attribute}="${value.slice(0, 40)}" is not an allowed address on <${name}>`;
		}
	}
	return '';
}

/** Text between tags: entities are fine (they stay text), a stray "<" or a NUL is not. */
function checkText(text) {
	if (text.indexOf('\u0000') >= 0) return 'a NUL character';
	let amp = text.indexOf('&');
	while (amp >= 0) {
		const entity = ENTITY.exec(text.slice(amp, amp + 12));
		if (!entity || (entity[1] && !NAMED[entity[1]])) return 'an "&" that is not &amp;';
		amp = text.indexOf('&', amp + 1);
	}
	return '';
}

/** An attribute value as a browser reads it, or null for an entity this check does not know. */
function decode(value) {
	let out = '';
	for (let i = 0; i < value.length; i++) {
		if (value[i] !== '&') {
			out += value[i];
			continue;
		}
		const entity = ENTITY.exec(value.slice(i, i + 12));
		if (!entity) return null;
		if (entity[1]) {
			if (!NAMED[entity[1]]) return null;
			out += NAMED[entity[1]];
		} else {
			const code = parseInt(entity[2] || entity[3], entity[2] ? 10 : 16);
			if (code > 0x10ffff) return null;
			out += String.fromCodePoint(code);
		}
		i += entity[0].length - 1;
	}
	return out;
}

function describe(rest) {
	if (rest.indexOf('<!--') === 0) return 'a comment';
	const name = /^<\/?([a-zA-Z][^\s/>]*)/.exec(rest);
	return name ? `<${name[1]}> (or its attributes) is not allowed` : 'a "<" that is not &lt;';
}

module.exports = { checkLessonHtml };
