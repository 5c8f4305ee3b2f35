import { describe, expect, it } from 'vitest';
import { randomSecret } from './secret';

describe('randomSecret', () => {
	it('is letters and digits only, so never a flag (10,000 draws; base64url began with "-" once in 64)', () => {
		const secrets = Array.from({ length: 10_000 }, () => randomSecret());
		for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9]{24}$/);
		expect(new Set(secrets).size).toBe(secrets.length);
		// Every kind of character turns up, first character included: the alphabet is all used.
		expect(new Set(secrets.map((s) => s[0])).size).toBe(62);
	});
});
