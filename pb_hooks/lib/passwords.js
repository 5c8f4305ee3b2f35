/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from security.pb.js. NIST SP 800-63B style: a minimum length (the
// users collection's minPasswordLength, set in pb_migrations/1764231000_password_rules.js)
// and a deny-list, and no composition rules ("one capital, one digit"), which make passwords
// harder to remember and no harder to guess.

const SERVICE_WORDS = ['clyde'];

/**
 * Why `password` must not be used, in words for the sign-up form, or '' when it may.
 * `context` holds the account's own email and name: a password equal to either is guessable.
 */
function problem(password, context) {
	if (typeof password !== 'string' || password === '') return '';
	const lower = password.toLowerCase();
	// "qwertyuiop123!" is as weak as "qwertyuiop": look past what people add at the end.
	const stem = lower.replace(/[\d\W_]+$/, '');
	const common = require(`${__hooks}/lib/common-passwords.js`);
	if (common.includes(lower) || common.includes(stem)) {
		return 'This password is one of the most common ones, so it is easy to guess. Choose another, for example three or four random words.';
	}
	if (new Set(lower).size < 4) {
		return 'This password repeats too few characters. Choose another, for example three or four random words.';
	}
	const email = String(context.email || '').toLowerCase();
	const personal = [email, email.split('@')[0], String(context.name || '').toLowerCase()];
	if ([...personal, ...SERVICE_WORDS].some((word) => word.length >= 3 && stem === word)) {
		return 'This password is your email, your name or the name of this service. Choose another.';
	}
	return '';
}

/**
 * Refuses a sign-up or password change with a blocked password, as a validation error on the
 * password field (400), the same shape as PocketBase's own length error.
 */
function check(e) {
	const data = $apis.requestInfo(e.httpContext).data || {};
	if (data.password === undefined) return;
	const reason = problem(data.password, {
		email: data.email ?? e.record.email(),
		name: data.name ?? e.record.getString('name')
	});
	if (reason) {
		throw new BadRequestError('Choose a different password.', {
			password: new ValidationError('validation_password_blocked', reason)
		});
	}
}

module.exports = { check, problem };
