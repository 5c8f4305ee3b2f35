/// <reference path="../../pb_data/types.d.ts" />
/* global $filepath */
// Loaded with require() from lib/every-request.js and security.pb.js. Which headers each kind of
// response carries, and why: docs/security.md ("Browser hardening").

const { publicDir } = require(`${__hooks}/lib/public-dir.js`);

/** The app's policy. Keep it in step with `kit.csp` in svelte.config.js (the <meta> copy). */
const APP_DIRECTIVES = [
	"default-src 'self'",
	// The script hashes of SvelteKit's inline bootstrap are added from build/index.html.
	"script-src 'self'",
	// Svelte sets style attributes (transitions, widths); no script can come in through CSS.
	"style-src 'self' 'unsafe-inline'",
	// Lessons embed their images as data: URLs so that a downloaded lesson is whole offline.
	"img-src 'self' data:",
	// The app talks only to its own origin: the API, realtime (SSE) and the service worker.
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'none'"
];

// The Admin UI (/_/) ships its own <meta> CSP, kept by PocketBase for its own inline script and
// blob: previews. The header adds only what a <meta> policy cannot say or does not say.
const ADMIN_POLICY =
	"frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

// The exercise runner, where learners' own code runs (docs/exercises.md): the policy of
// scripts/build/runner-page.ts (RUNNER_POLICY, also in the page as a <meta>; a test keeps the two
// in step), plus what only a header can say: always sandboxed to an opaque origin, even when
// opened on its own, and framed only by the app.
const RUNNER_PATHS = ['/runner', '/runner.html'];
const RUNNER_POLICY = [
	"default-src 'none'",
	"script-src 'unsafe-inline'",
	"style-src 'unsafe-inline'",
	'img-src data:',
	"form-action 'none'",
	"base-uri 'none'",
	'sandbox allow-scripts',
	"frame-ancestors 'self'"
].join('; ');

// JSON and uploaded files are never pages: if one is opened as a document, it may load nothing.
const API_POLICY =
	"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// On every response: cheap, and read for any kind of resource. nosniff stops a script, style
// or JSON being taken for another type; Cross-Origin-Resource-Policy is read for subresources
// (no other site may embed ours).
const EVERYWHERE = {
	'X-Content-Type-Options': 'nosniff',
	'Cross-Origin-Resource-Policy': 'same-origin'
};

// Lesson links lead to other sites; the URL of the lesson (its topic) stays with the learner.
// Sent with what has a policy container of its own (documents, workers) and with the API. Not
// with scripts, styles and other files (29 bytes on each of some 50 a first visit fetches): a
// request they make with an empty policy takes its policy container's, the document's (Fetch,
// "main fetch"), and the app's documents send no-referrer.
const REFERRER = {
	'Referrer-Policy': 'no-referrer'
};

// Browsers note it from any response over https; it only has to reach them now and then. An
// installed app opens its pages and files from the service worker, so what still comes from
// the server is the worker's update check and the API: those carry it, with the pages.
const TRANSPORT = {
	'Strict-Transport-Security': 'max-age=31536000'
};

// Read only for a document, the page a browser renders and scripts can run in: the policies of
// a window (Permissions-Policy, Cross-Origin-Opener-Policy) and of framing (X-Frame-Options).
const DOCUMENT = {
	'Permissions-Policy': [
		'accelerometer',
		'autoplay',
		'camera',
		'display-capture',
		'geolocation',
		'gyroscope',
		'hid',
		'magnetometer',
		'microphone',
		'midi',
		'payment',
		'publickey-credentials-get',
		'screen-wake-lock',
		'serial',
		'usb',
		'xr-spatial-tracking',
		'browsing-topics'
	]
		.map((feature) => `${feature}=()`)
		.join(', '),
	'Cross-Origin-Opener-Policy': 'same-origin',
	// For browsers without frame-ancestors; PocketBase's own default is SAMEORIGIN.
	'X-Frame-Options': 'DENY',
	// The old XSS auditor is gone from current browsers and could be abused where it remains.
	'X-XSS-Protection': '0'
};

/**
 * Which headers each kind of response carries (docs/security.md, "Browser hardening", says
 * why per header). `csp` is whether it gets a Content-Security-Policy: a document's, a
 * worker's (a worker's policy is the one sent with its own script) and the API's (JSON or an
 * uploaded file opened as a page may load nothing).
 */
const KINDS = {
	document: { csp: true, headers: [EVERYWHERE, REFERRER, TRANSPORT, DOCUMENT] },
	worker: { csp: true, headers: [EVERYWHERE, REFERRER, TRANSPORT] },
	api: { csp: true, headers: [EVERYWHERE, REFERRER, TRANSPORT] },
	asset: { csp: false, headers: [EVERYWHERE] },
	// The build's hashed scripts and styles (about 50 on a first visit, 76 bytes each): sent
	// with their exact type, so nosniff changes nothing (a module script is checked by type
	// anyway), and public and the same for everyone, so no site learns anything by embedding
	// one (what CORP guards against). Nothing under /_app/immutable/ comes from a user.
	hashed: { csp: false, headers: [] }
};

// PocketBase's own (X-Frame-Options: SAMEORIGIN, X-XSS-Protection: 1; mode=block) and ours:
// a kind that does not carry one must not be left with PocketBase's.
const ALL_NAMES = ['Content-Security-Policy'].concat(
	...[EVERYWHERE, REFERRER, TRANSPORT, DOCUMENT].map((set) => Object.keys(set))
);

// The built app's files that a browser renders as a page when opened: HTML, and SVG and XML,
// which can carry script. Every other file (scripts, styles, JSON, images, fonts, text) is only
// ever read by a page or shown inert (nosniff keeps it so).
const DOCUMENT_FILE = /\.(html?|svg|xml)$/i;
const WORKERS = ['/sw.js'];
// The build's hashed scripts and styles (Vite puts a content hash in every name under here).
const HASHED_CODE = /^\/_app\/immutable\/.+\.(js|css)$/;

/**
 * What the response to `path` is to a browser: `document`, `worker`, `api`, `hashed` (the
 * build's scripts and styles) or `asset`. The Admin UI (`/_/`) is counted a document whole; an
 * app route (no extension, index.html answers it) is a document; a missing file is what its
 * name says it would be.
 */
function kindOf(path) {
	if (path === '/_' || path.startsWith('/_/')) return 'document';
	if (path === '/api' || path.startsWith('/api/')) return 'api';
	if (WORKERS.indexOf(path) >= 0) return 'worker';
	const last = path.slice(path.lastIndexOf('/') + 1);
	if (RUNNER_PATHS.indexOf(path) >= 0 || !last.includes('.') || DOCUMENT_FILE.test(last)) {
		return 'document';
	}
	return HASHED_CODE.test(path) ? 'hashed' : 'asset';
}

/**
 * The sha256 sources of the inline bootstrap script, as SvelteKit wrote them into the <meta>
 * CSP of index.html at build time. Read from the file that is actually served, so the header
 * and the page can never disagree. An empty list if there is no built app.
 */
function bootstrapHashes(indexHtml) {
	const meta = indexHtml.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/i);
	if (!meta) return [];
	const scriptSrc = meta[1].split(';').find((d) => d.trim().startsWith('script-src'));
	return (scriptSrc || '').match(/'sha256-[A-Za-z0-9+/=]+'/g) || [];
}

function readIndexHtml() {
	try {
		const bytes = $os.readFile($filepath.join(publicDir(), 'index.html'));
		return typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes);
	} catch {
		return '';
	}
}

/**
 * The app's policy, worked out once per process and kept in the app store, which every pooled
 * JS VM shares. After replacing build/, restart PocketBase (a deploy does).
 */
function appPolicy() {
	const store = $app.store();
	let policy = store.get('clyde.csp');
	if (!policy) {
		const hashes = bootstrapHashes(readIndexHtml());
		policy = APP_DIRECTIVES.map((d) =>
			d === "script-src 'self'" && hashes.length ? `${d} ${hashes.join(' ')}` : d
		).join('; ');
		store.set('clyde.csp', policy);
	}
	return policy;
}

function policyFor(path) {
	if (RUNNER_PATHS.indexOf(path) >= 0) return RUNNER_POLICY;
	if (path === '/_' || path.startsWith('/_/')) return ADMIN_POLICY;
	if (path === '/api' || path.startsWith('/api/')) return API_POLICY;
	return appPolicy();
}

/**
 * Sets the headers before the handler runs: a handler that knows better (PocketBase's file
 * download sets its own sandboxing CSP) may still replace them.
 */
function apply(c) {
	const header = c.response().header();
	const path = c.request().url.path;
	const kind = KINDS[kindOf(path)];
	for (const name of ALL_NAMES) header.del(name);
	for (const set of kind.headers) for (const name in set) header.set(name, set[name]);
	if (kind.csp) header.set('Content-Security-Policy', policyFor(path));
	// The app frames the runner; nothing else may.
	if (RUNNER_PATHS.indexOf(path) >= 0) header.set('X-Frame-Options', 'SAMEORIGIN');
}

module.exports = { apply, appPolicy, bootstrapHashes, kindOf };
