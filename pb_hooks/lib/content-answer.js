/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from catalog.pb.js and lib/api-compression.js. Plain JavaScript for goja.
//
// The content routes' answers (the catalog, a pathway's lessons, its pictures) are the same for
// every learner until the next publish, and they are most of what a download costs. Brotli at
// its best quality makes them about 17% smaller than gzip (docs/benchmarks.md), but the hooks
// have no brotli: Node's zlib compresses each answer once, on its first request, and the bytes
// are kept in $app.store() (shared by the hooks' VMs) under the SHA-256 of the answer's text,
// so a publish (or any change) can never bring back a stale answer. A server with no Node
// beside it (CLYDE_NODE, else `node` on the PATH) sends gzip, as every other API answer.

const { encodingFor } = require(`${__hooks}/lib/accept-encoding.js`);

const ROUTES = ['/api/clyde/catalog', '/api/clyde/lessons', '/api/clyde/media'];
const PREFIX = 'clyde.content-br.';
/** Set once Node could not compress: every later answer is gzip, with no attempt per request. */
const BROKEN = 'clyde.content-br-broken';
/** How many compressions began in the current minute: {minute, count}. */
const BUDGET = 'clyde.content-br-budget';
/**
 * At most this many answers are kept (a pathway's lessons are about 22 KB in brotli, the
 * catalog 7 KB): past it, all are dropped and compressed again as they are asked for.
 */
const MAX_KEPT = 200;
/**
 * At most this many answers are compressed a minute (about 0.1 s of CPU each); past it, new
 * answers are gzip: a client asking for ever new lists of ids cannot keep Node busy.
 */
const MAX_PER_MINUTE = 30;
/** Smaller answers (an unchanged catalog) are not worth starting Node for. */
const MIN_BYTES = 512;

/**
 * Whether a request is left to sendContent (lib/api-compression.js then does not gzip it): a
 * content route, a client that prefers brotli, and a Node that has not failed.
 */
function sendsBrotli(c) {
	const request = c.request();
	if (request.method !== 'GET' || !ROUTES.includes(request.url.path)) return false;
	if ($app.store().has(BROKEN)) return false;
	return encodingFor(request.header.get('Accept-Encoding'), ['br', 'gzip']) === 'br';
}

/**
 * Sends `value` as JSON (lib/json-answer.js): in brotli when sendsBrotli said so, from the kept
 * bytes or compressed now and kept; gzip when that cannot be (lib/api-compression.js); as it
 * is otherwise, for lib/api-compression.js to gzip or not.
 */
function sendContent(c, value) {
	const { sendJson } = require(`${__hooks}/lib/json-answer.js`);
	if (c.get('clydeBrotli') !== true) return sendJson(c, 200, value);
	const text = JSON.stringify(value);
	const bytes = text.length < MIN_BYTES ? null : brotliOf(text);
	if (!bytes) {
		const { gzipped } = require(`${__hooks}/lib/api-compression.js`);
		return gzipped(c, (c1) => sendJson(c1, 200, value));
	}
	c.response().header().set('Content-Encoding', 'br');
	return c.blob(200, 'application/json; charset=UTF-8', bytes);
}

/** The kept brotli of `text`, or made now and kept; null past the budget or without Node. */
function brotliOf(text) {
	const store = $app.store();
	const key = PREFIX + $security.sha256(text);
	const kept = store.get(key);
	if (kept) return kept;
	if (!withinBudget(store)) return null;
	const bytes = compress(text);
	if (!bytes) {
		store.set(BROKEN, true);
		return null;
	}
	if (keptCount(store) >= MAX_KEPT) forgetAll(store);
	store.set(key, bytes);
	return bytes;
}

function withinBudget(store) {
	const minute = Math.floor(Date.now() / 60000);
	const budget = store.get(BUDGET);
	const count = budget && budget.minute === minute ? budget.count : 0;
	if (count >= MAX_PER_MINUTE) return false;
	store.set(BUDGET, { minute, count: count + 1 });
	return true;
}

function keptCount(store) {
	let count = 0;
	for (const key in store.getAll()) if (key.startsWith(PREFIX)) count++;
	return count;
}

function forgetAll(store) {
	for (const key in store.getAll()) if (key.startsWith(PREFIX)) store.remove(key);
}

// Reads the file named by its first argument and writes its brotli beside it, as NAME.br: at
// the best quality, since an answer is compressed once and sent to every learner.
const SCRIPT = [
	"const z = require('node:zlib'), fs = require('node:fs'), f = process.argv[1];",
	'const b = fs.readFileSync(f);',
	"fs.writeFileSync(f + '.br', z.brotliCompressSync(b, { params: {",
	'[z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }));'
].join(' ');

/** The brotli bytes of `text`, made by Node; null when Node is missing or fails. */
function compress(text) {
	const dir = `${$os.tempDir()}/clyde-br-${$security.randomString(16)}`;
	try {
		$os.mkdir(dir, 0o700);
		const file = `${dir}/answer.json`;
		$os.writeFile(file, text, 0o600);
		$os.cmd($os.getenv('CLYDE_NODE') || 'node', '-e', SCRIPT, file).run();
		return $os.readFile(`${file}.br`);
	} catch (error) {
		console.error(`Content answers are sent in gzip: Node could not compress one (${error}).`);
		return null;
	} finally {
		$os.removeAll(dir);
	}
}

module.exports = { sendsBrotli, sendContent };
