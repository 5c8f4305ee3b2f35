import { describe, expect, it } from 'vitest';
import { sharesByExercise, type SharedCode } from './shared-code';

const share = (id: string, exercise: string, at: string, pathway = 'web'): SharedCode => ({
	id,
	exercise,
	lesson: 'l1',
	pathway,
	at,
	files: { html: `<p>${id}</p>`, css: '', js: '' }
});

describe('sharesByExercise', () => {
	it('groups by exercise, last shared first, newest first within, on the pathway only', () => {
		const groups = sharesByExercise(
			[
				share('a', 'heading', '2026-12-01T09:00:00.000Z'),
				share('b', 'form', '2026-12-01T10:00:00.000Z'),
				share('c', 'heading', '2026-12-01T11:00:00.000Z'),
				share('d', 'heading', '2026-12-01T12:00:00.000Z', 'other')
			],
			'web'
		);
		expect(groups.map((g) => [g.exercise, g.shares.map((s) => s.id)])).toEqual([
			['heading', ['c', 'a']],
			['form', ['b']]
		]);
	});
});
