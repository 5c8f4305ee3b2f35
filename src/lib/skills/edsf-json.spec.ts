import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SKILL_STATEMENTS } from './edsf';

describe('pb_hooks/lib/edsf-statements.json', () => {
	it('holds every statement’s words by code, as edsf.ts has them (npx tsx scripts/edsf-json.ts)', () => {
		const file = new URL('../../../pb_hooks/lib/edsf-statements.json', import.meta.url);
		const words = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
		expect(words).toEqual(Object.fromEntries(SKILL_STATEMENTS.map((s) => [s.code, s.text])));
	});
});
