import { describe, expect, it } from 'vitest';
import { HOOKS, requireHook } from '../../../scripts/pocketbase/require-hook';
import { codeShare, MAX_SHARE_CHARS, type CodeShare } from './share-code';

const server = requireHook(`${HOOKS}/lib/shares.js`) as {
	MAX_CHARS: number;
	shareProblem(share: unknown): string;
};

const place = { exercise: 'first-heading', lesson: 'l-one', module: 'm-one', pathway: 'p-one' };
const id = '0190a6b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b';
const at = new Date('2026-12-01T09:30:00.000Z');

function share(files: Parameters<typeof codeShare>[1]): CodeShare {
	const made = codeShare(place, files, id, at);
	if ('over' in made) throw new Error(`over by ${made.over}`);
	return made;
}

describe('the share of an exercise’s code', () => {
	it('carries the exercise, its place and the three files, absent ones empty', () => {
		expect(share({ 'index.html': '<h1>Hi</h1>', 'script.js': 'go()' })).toEqual({
			id,
			...place,
			at: '2026-12-01T09:30:00.000Z',
			files: { html: '<h1>Hi</h1>', css: '', js: 'go()' }
		});
	});

	it('is refused on the phone past the limit, saying by how much', () => {
		const files = { 'index.html': 'a'.repeat(MAX_SHARE_CHARS), 'style.css': 'b'.repeat(5) };
		expect(codeShare(place, files, id, at)).toEqual({ over: 5 });
		expect('over' in codeShare(place, { 'index.html': 'a'.repeat(MAX_SHARE_CHARS) }, id, at)).toBe(
			false
		);
	});
});

describe('the server’s check (pb_hooks/lib/shares.js)', () => {
	it('has the app’s limit and accepts what the app sends', () => {
		expect(server.MAX_CHARS).toBe(MAX_SHARE_CHARS);
		expect(server.shareProblem(share({ 'index.html': '<p>x</p>', 'style.css': 'p{}' }))).toBe('');
		expect(server.shareProblem(share({ 'index.html': 'a'.repeat(MAX_SHARE_CHARS) }))).toBe('');
	});

	it.each([
		['not an object', [], /must be JSON/],
		['an unknown field', { ...share({}), html: 'x' }, /unknown field "html"/],
		['a bad id', { ...share({}), id: 'x' }, /"id" must be a UUID/],
		['a bad exercise id', { ...share({}), exercise: 'Bad Id' }, /"exercise" must be a content id/],
		['a bad time', { ...share({}), at: 'yesterday' }, /"at" must be an ISO 8601/],
		['no files', { ...share({}), files: 'x' }, /"files" must be an object/],
		[
			'an unknown file',
			{ ...share({}), files: { html: '', css: '', js: '', php: '' } },
			/unknown file "php"/
		],
		[
			'a file that is not text',
			{ ...share({}), files: { html: 1, css: '', js: '' } },
			/"files.html" must be text/
		],
		['a NUL', { ...share({}), files: { html: '\u0000', css: '', js: '' } }, /NUL/],
		[
			'too much code',
			{ ...share({}), files: { html: 'a'.repeat(MAX_SHARE_CHARS), css: 'b', js: '' } },
			/hold 20001 characters; at most 20000/
		]
	])('names the field of %s', (_, body, message) => {
		expect(server.shareProblem(body)).toMatch(message);
	});
});
