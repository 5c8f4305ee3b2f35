/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from lib/every-request.js and security.pb.js. PocketBase 0.22 has no rate limiting of its own.
//
// Counters live in the table _clyde_rate_limits (migration 1764231010_rate_limits.js), not in
// JS memory: each request runs in one of a pool of JS VMs that share no variables, and
// $app.store() has no atomic increment, so parallel requests would read the same count.
// One UPSERT … RETURNING per request is atomic in SQLite, whichever VM runs it.

/**
 * Each rule: which requests it counts, the key it counts them under, and its default limit
 * (`N/<window>`, overridable by its environment variable; `off` turns the rule off).
 */
const RULES = [
	{
		env: 'CLYDE_RATE_SIGN_IN',
		limit: '10/15m',
		what: 'sign-in attempts for this account',
		routes: ['/api/collections/:collection/auth-with-password', '/api/admins/auth-with-password'],
		key: (c, ip) => `${ip}|${identityTried(c)}`
	},
	{
		// A class on one library wifi shares an address, hence the higher figure.
		env: 'CLYDE_RATE_SIGN_IN_IP',
		limit: '300/15m',
		what: 'sign-in attempts from this network',
		routes: ['/api/collections/:collection/auth-with-password', '/api/admins/auth-with-password'],
		key: (c, ip) => ip
	},
	{
		env: 'CLYDE_RATE_SIGN_UP',
		limit: '60/1h',
		what: 'new accounts from this network',
		routes: ['/api/collections/:collection/records'],
		// Admins create accounts for others; only a public sign-up on an auth collection counts.
		applies: (c) => !c.get('admin') && isAuthCollection(c.pathParam('collection')),
		key: (c, ip) => ip
	},
	{
		env: 'CLYDE_RATE_ACCOUNT_EMAIL',
		limit: '10/1h',
		what: 'account emails requested from this network',
		routes: [
			'/api/collections/:collection/request-password-reset',
			'/api/collections/:collection/request-verification',
			'/api/collections/:collection/request-email-change',
			'/api/admins/request-password-reset'
		],
		key: (c, ip) => ip
	},
	{
		env: 'CLYDE_RATE_JOIN',
		limit: '10/15m',
		what: 'join-code attempts',
		routes: ['/api/clyde/cohorts/join', '/api/clyde/cohorts/preview'],
		key: (c, ip) => userId(c) || ip
	},
	{
		env: 'CLYDE_RATE_JOIN_IP',
		limit: '100/15m',
		what: 'join-code attempts from this network',
		routes: ['/api/clyde/cohorts/join', '/api/clyde/cohorts/preview'],
		key: (c, ip) => ip
	},
	{
		env: 'CLYDE_RATE_PUSH',
		limit: '120/1m',
		what: 'sync requests',
		routes: ['/api/clyde/sync/push'],
		// Without a token the route answers 401 at once; only a learner's pushes cost anything.
		applies: (c) => userId(c) !== '',
		key: (c) => userId(c)
	},
	{
		// A claim signs (about a second of CPU in the hook engine); a revocation is rare.
		env: 'CLYDE_RATE_BADGE',
		limit: '20/15m',
		what: 'badge requests',
		routes: ['/api/clyde/badges/claim', '/api/clyde/badges/:id/revoke'],
		key: (c, ip) => userId(c) || ip
	}
];

// Sign-in bodies are an identity and a password: read no more than this to find the identity.
const SIGN_IN_BODY_LIMIT = 16 << 10;

/** `10/15m` → {max: 10, seconds: 900}; `off` → null; anything else → undefined. */
function parseLimit(text) {
	const value = String(text).trim().toLowerCase();
	if (value === 'off') return null;
	const m = value.match(/^(\d+)\s*\/\s*(\d+)\s*([smh]?)$/);
	if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) return undefined;
	const unit = { '': 1, s: 1, m: 60, h: 3600 }[m[3]];
	return { max: Number(m[1]), seconds: Number(m[2]) * unit };
}

function limitOf(rule) {
	const configured = $os.getenv(rule.env);
	if (configured) {
		const parsed = parseLimit(configured);
		if (parsed !== undefined) return parsed;
		console.error(`${rule.env}="${configured}" is not N/<window> (e.g. 10/15m) or off`);
	}
	return parseLimit(rule.limit);
}

function userId(c) {
	const record = c.get('authRecord');
	return record ? record.id : '';
}

function isAuthCollection(nameOrId) {
	try {
		return $app.dao().findCollectionByNameOrId(nameOrId).isAuth();
	} catch {
		return false;
	}
}

function identityTried(c) {
	const data = $apis.requestInfo(c).data || {};
	return String(data.identity || data.email || '')
		.trim()
		.toLowerCase();
}

/** An IPv6 address counts by its /64: one phone or home gets a whole /64 to pick from. */
function addressKey(ip) {
	if (!ip.includes(':')) return ip;
	const [head, tail = ''] = ip.toLowerCase().split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = [
		...left,
		...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
		...right
	];
	return `${groups.slice(0, 4).join(':')}::/64`;
}

function stripPort(remoteAddr) {
	const bracketed = remoteAddr.match(/^\[([^\]]+)\]:\d+$/);
	if (bracketed) return bracketed[1];
	const v4 = remoteAddr.match(/^([^:]+):\d+$/);
	return v4 ? v4[1] : remoteAddr;
}

/**
 * The client's address. X-Forwarded-For is anyone's to write, so it is believed only when the
 * connection comes from a proxy named in CLYDE_TRUSTED_PROXIES, and then only its last entry
 * that is not itself such a proxy (the one our proxy appended).
 */
function clientIp(c) {
	const peer = stripPort(c.request().remoteAddr);
	const trusted = ($os.getenv('CLYDE_TRUSTED_PROXIES') || '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	if (!trusted.includes(peer)) return peer;
	const forwarded = (c.request().header.get('X-Forwarded-For') || '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
	for (let i = forwarded.length - 1; i >= 0; i--) {
		if (!trusted.includes(forwarded[i])) return forwarded[i];
	}
	return peer;
}

/**
 * Counts one hit for `key` in a fixed window and says whether it is over the limit. A counter
 * that cannot be written (a full disk) lets the request through: the limits protect
 * availability and must not take it away.
 */
function hit(rule, limit, key, now) {
	const row = new DynamicModel({ hits: 0, reset_at: 0 });
	try {
		$app
			.dao()
			.nonconcurrentDB()
			.newQuery(
				`INSERT INTO _clyde_rate_limits (key, hits, reset_at) VALUES ({:key}, 1, {:reset})
				 ON CONFLICT (key) DO UPDATE SET
				   hits = CASE WHEN reset_at <= {:now} THEN 1 ELSE hits + 1 END,
				   reset_at = CASE WHEN reset_at <= {:now} THEN {:reset} ELSE reset_at END
				 RETURNING hits, reset_at`
			)
			.bind({
				// Hashed: the table holds no addresses or emails in the clear.
				key: $security.sha256(`${rule.env}|${key}`),
				now,
				reset: now + limit.seconds
			})
			.one(row);
	} catch (error) {
		console.error(`rate limit ${rule.env} not counted: ${error}`);
		return 0;
	}
	return row.hits > limit.max ? Math.max(1, row.reset_at - now) : 0;
}

function inWords(seconds) {
	if (seconds < 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function tooMany(c, rule, retryAfter) {
	c.response().header().set('Retry-After', String(retryAfter));
	return c.json(429, {
		code: 429,
		message: `Too many ${rule.what}. Try again in ${inWords(retryAfter)}.`,
		data: { retryAfter }
	});
}

/**
 * Runs `next` unless a rule that covers this request is over its limit, in which case it
 * answers 429 with Retry-After (seconds). Every matching rule counts the request.
 */
function guard(c, next) {
	if (c.request().method !== 'POST') return next(c);
	const route = c.path();
	const rules = RULES.filter((rule) => rule.routes.includes(route));
	if (rules.length === 0) return next(c);
	const check = (c2) => {
		const now = Math.floor(Date.now() / 1000);
		const ip = addressKey(clientIp(c2));
		let refused;
		for (const rule of rules) {
			const limit = limitOf(rule);
			if (!limit || (rule.applies && !rule.applies(c2))) continue;
			const retryAfter = hit(rule, limit, rule.key(c2, ip), now);
			if (retryAfter && (!refused || retryAfter > refused.retryAfter))
				refused = { rule, retryAfter };
		}
		return refused ? tooMany(c2, refused.rule, refused.retryAfter) : next(c2);
	};
	// The identity is read from the body, so cap the body before reading it.
	return route.endsWith('/auth-with-password')
		? $apis.bodyLimit(SIGN_IN_BODY_LIMIT)(check)(c)
		: check(c);
}

/** Forgets windows that have ended (run by a cron job). */
function prune() {
	$app
		.dao()
		.nonconcurrentDB()
		.newQuery('DELETE FROM _clyde_rate_limits WHERE reset_at <= {:now}')
		.bind({ now: Math.floor(Date.now() / 1000) })
		.execute();
}

module.exports = { guard, prune, parseLimit, addressKey, RULES };
