import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';

interface Lesson {
	id: string;
	title: string;
	skills?: string[];
}

/** What a badge says (the server's pure builder; the signed whole is tested in integration). */
const server = requireHook(`${HOOKS}/lib/badge-credential.js`) as {
	alignments(lessons: Lesson[], statements?: Record<string, string>): Record<string, unknown>[];
	urls(base: string): { issuer: string; status(id: string): string };
};

describe('what a badge says', () => {
	it('aligns to each EDSF statement of the pathway’s lessons once, in lesson order', () => {
		const lessons = [
			{ id: 'a', title: 'A', skills: ['SAFE-L1', 'FOUND-3'] },
			{ id: 'b', title: 'B' },
			{ id: 'c', title: 'C', skills: ['FOUND-3', 'COM-L2'] }
		];
		const aligned = server.alignments(lessons, { 'COM-L2': 'send an email with an attachment' });
		expect(aligned.map((a) => a.targetCode)).toEqual(['SAFE-L1', 'FOUND-3', 'COM-L2']);
		expect(aligned[2]).toMatchObject({
			type: ['Alignment'],
			targetName: 'COM-L2: send an email with an attachment',
			targetFramework: expect.stringContaining('Essential digital skills framework'),
			targetUrl: expect.stringMatching(/^https:\/\/www\.gov\.uk\//)
		});
		expect(aligned[0]?.targetName).toBe('Essential Digital Skills statement SAFE-L1');
	});

	it('puts its documents under the server’s public address, with or without a trailing slash', () => {
		expect(server.urls('https://learn.example.org/').issuer).toBe(
			'https://learn.example.org/api/clyde/badges/issuer'
		);
		expect(server.urls('https://learn.example.org').status('abc')).toBe(
			'https://learn.example.org/api/clyde/badges/status/abc'
		);
	});
});
