import { describe, expect, it } from 'vitest';
import { localUrl } from './admin-session';
import { backupName } from './create-backup';

describe('backup names and server addresses', () => {
	it('names a backup by its UTC time, in the characters PocketBase 0.22 accepts', () => {
		const name = backupName(new Date('2026-11-27T09:05:07.123Z'));
		expect(name).toBe('clyde-20261127-090507.zip');
		expect(name).toMatch(/^[a-z0-9_-]+\.zip$/);
	});

	it('reaches a server bound to every address on loopback, and brackets IPv6', () => {
		expect(localUrl('127.0.0.1', 8090)).toBe('http://127.0.0.1:8090');
		expect(localUrl('0.0.0.0', 8090)).toBe('http://127.0.0.1:8090');
		expect(localUrl('::', 9000)).toBe('http://[::1]:9000');
		expect(localUrl('192.168.1.20', 80)).toBe('http://192.168.1.20:80');
	});
});
