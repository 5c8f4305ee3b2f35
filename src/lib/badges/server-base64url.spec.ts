import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';

/** The JWS encoders the server signs badges with (goja has no Buffer or TextEncoder). */
const server = requireHook(`${HOOKS}/lib/base64url.js`) as {
	utf8(text: string): Uint8Array;
	encode(bytes: Uint8Array): string;
	decode(text: string): Uint8Array;
};

const TEXTS = [
	'',
	'a',
	'ab',
	'abc',
	'Zoë Learner',
	'日本語',
	'emoji 🎓 here',
	'\u007f\u0080\u07ff\u0800\uffff',
	'lone \ud800 surrogate'
];

describe('the server’s UTF-8 and base64url match Node’s', () => {
	it.each(TEXTS)('for %j', (text) => {
		const bytes = server.utf8(text);
		expect(Buffer.from(bytes)).toEqual(Buffer.from(new TextEncoder().encode(text)));
		expect(server.encode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
		expect(Buffer.from(server.decode(server.encode(bytes)))).toEqual(Buffer.from(bytes));
	});

	it('for every byte value', () => {
		const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(server.encode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
		expect(Array.from(server.decode(server.encode(bytes)))).toEqual(Array.from(bytes));
	});

	it('refuses text that is not base64url', () => {
		expect(() => server.decode('ab+c')).toThrow(/base64url/);
	});
});
