import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH as CLIENT_MIN } from '../../src/lib/api/auth';
import { HOOKS, requireHook } from '../pocketbase/require-hook';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { commonPasswordsModule, MIN_PASSWORD_LENGTH, OUTPUT } from './common-passwords';

// The pure parts of the pb_hooks modules run in node too; their PocketBase parts are covered
// by tests/integration/rate-limits.test.ts and password-rules.test.ts.
const passwords = requireHook(`${HOOKS}/lib/passwords.js`) as {
	problem(password: string, context: { email?: string; name?: string }): string;
};
const limits = requireHook(`${HOOKS}/lib/rate-limits.js`) as {
	parseLimit(text: string): { max: number; seconds: number } | null | undefined;
	addressKey(ip: string): string;
};

describe('common-password deny-list', () => {
	it('pb_hooks/lib/common-passwords.js is what the generator writes today', async () => {
		expect(await readFile(OUTPUT, 'utf8')).toBe(await commonPasswordsModule());
	});

	it('the client, the generator and the migration agree on the minimum length', async () => {
		const migration = await readFile(
			resolve(import.meta.dirname, '../../pb_migrations/1764231000_password_rules.js'),
			'utf8'
		);
		expect(migration).toContain(`minPasswordLength = ${MIN_PASSWORD_LENGTH};`);
		expect(CLIENT_MIN).toBe(MIN_PASSWORD_LENGTH);
	});

	it.each([
		['qwertyuiop'],
		['Password123'],
		['Password1234!'],
		['monkey123456'],
		['qwertyuiop123!'],
		['1q2w3e4r5t6y'],
		['aaaaaaaaaaaa'],
		['abababababab'],
		['clyde12345'],
		['sam@example.org']
	])('refuses %s', (password) => {
		expect(passwords.problem(password, { email: 'sam@example.org', name: 'Sam' })).not.toBe('');
	});

	it('accepts the demo and test passwords and ordinary passphrases', () => {
		const fine = [
			...DEMO_ACCOUNTS.map((a) => a.password),
			'a-good-password',
			'a-long-password',
			'learner-password-1',
			'editor-password-1',
			'fuzz-password-1',
			'chaos-password-1',
			'correct horse battery staple'
		];
		for (const password of fine) {
			expect(passwords.problem(password, { email: 'learner@clyde.local', name: 'Demo' })).toBe('');
		}
	});
});

describe('rate-limit settings', () => {
	it('reads N/<window> with s, m or h, and off', () => {
		expect(limits.parseLimit('10/15m')).toEqual({ max: 10, seconds: 900 });
		expect(limits.parseLimit(' 120 / 1M ')).toEqual({ max: 120, seconds: 60 });
		expect(limits.parseLimit('60/1h')).toEqual({ max: 60, seconds: 3600 });
		expect(limits.parseLimit('5/30')).toEqual({ max: 5, seconds: 30 });
		expect(limits.parseLimit('off')).toBeNull();
		for (const bad of ['', '10', '0/1m', '10/0m', 'ten/1m', '10/1d']) {
			expect(limits.parseLimit(bad)).toBeUndefined();
		}
	});

	it('counts an IPv6 client by its /64, an IPv4 client by its address', () => {
		expect(limits.addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(limits.addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(limits.addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
		expect(limits.addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(limits.addressKey('::1')).toBe('0:0:0:0::/64');
	});
});
