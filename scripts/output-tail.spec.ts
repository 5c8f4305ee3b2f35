import { describe, expect, it } from 'vitest';
import { OutputTail } from './output-tail';

describe('OutputTail', () => {
	it('keeps everything while it is short', () => {
		const tail = new OutputTail(100);
		tail.push('Server started\n');
		tail.push('├─ REST API\n');
		expect(tail.text()).toBe('Server started\n├─ REST API\n');
		expect(tail.lastLines(1)).toEqual(['├─ REST API']);
	});

	it('keeps only the last whole lines within its limit, however much goes through', () => {
		const tail = new OutputTail(1000);
		for (let i = 0; i < 100_000; i++) tail.push(`[0.01ms] SELECT ${i}\n`);
		tail.push('Error: the disk is full\n');
		const text = tail.text();
		expect(text.length).toBeLessThanOrEqual(1000);
		expect(text).toMatch(/^\[0\.01ms\] SELECT \d+\n/);
		expect(text.endsWith('SELECT 99999\nError: the disk is full\n')).toBe(true);
		expect(tail.total).toBe(
			Array.from({ length: 100_000 }, (_, i) => `[0.01ms] SELECT ${i}\n`).join('').length + 24
		);
		expect(tail.lastLines(2)).toEqual(['[0.01ms] SELECT 99999', 'Error: the disk is full']);
	});

	it('cuts a chunk longer than the limit down to its end', () => {
		const tail = new OutputTail(10);
		tail.push('x'.repeat(50) + '\nlast line\n');
		expect(tail.text()).toBe('last line\n');
	});
});
