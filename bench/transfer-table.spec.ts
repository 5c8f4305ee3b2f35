import { describe, expect, it } from 'vitest';
import type { Transfer } from './counting-proxy';
import { builtNames, transferTable } from './transfer-table';

const transfer = (path: string, body: number, bytes: number): Transfer => ({
	path,
	status: 200,
	bytes,
	body: Buffer.alloc(body),
	contentType: 'text/javascript',
	contentEncoding: 'br'
});

describe('builtNames', () => {
	it('names messages by their source, nodes by their route and chunks by their name', () => {
		const names = builtNames(
			{
				'messages/pl.json': { file: '_app/immutable/chunks/Cw9-o5xA.js', name: 'pl' },
				'.svelte-kit/generated/client-optimized/nodes/11.js': {
					file: '_app/immutable/nodes/11.Im6qn0eV.js',
					name: 'nodes/11'
				},
				_rL12BxBf: { file: '_app/immutable/chunks/rL12BxBf.js', name: 'framework' },
				_B: { file: '_app/immutable/chunks/B.js', name: `lib~${'nodes/5~'.repeat(10)}` }
			},
			{ '11': '[lesson]/+page.svelte' }
		);
		expect(names.get('/_app/immutable/chunks/Cw9-o5xA.js')).toBe('messages/pl.json');
		expect(names.get('/_app/immutable/nodes/11.Im6qn0eV.js')).toBe(
			'nodes/11 [lesson]/+page.svelte'
		);
		expect(names.get('/_app/immutable/chunks/rL12BxBf.js')).toBe('framework');
		expect(names.get('/_app/immutable/chunks/B.js')).toHaveLength(48);
	});
});

describe('transferTable', () => {
	it('gives each response its body and header bytes, and the totals', () => {
		const table = transferTable(
			[transfer('/', 600, 1500), transfer('/_app/immutable/chunks/X.js?v=1', 4000, 4900)],
			new Map([['/_app/immutable/chunks/X.js', 'framework']])
		);
		expect(table.split('\n')).toEqual([
			'| response | status | coding | body (bytes) | status line and headers (bytes) |',
			'| --- | --- | --- | --- | --- |',
			'| / | 200 | br | 600 | 900 |',
			'| framework | 200 | br | 4000 | 900 |',
			'| **2 responses** | | | **4600** | **1800** |'
		]);
	});
});
