import { describe, expect, it } from 'vitest';
import { carriedDrafts } from './carried-drafts';

describe('carriedDrafts', () => {
	const drafts = new Map([
		['01-de/02-safe/01-scams.md', { text: '', version: 3 }],
		['01-de/02-safe/02-scams.md', { text: 'moved here', version: 1 }],
		['01-de/02-safe/03-wifi.md', { text: 'older words', version: 2 }],
		['02-web/01-html/01-tags.md', { text: 'another pathway', version: 1 }]
	]);
	const edits = new Map([
		['01-de/02-safe/01-scams.md', ''],
		['01-de/02-safe/02-scams.md', 'moved here'],
		['01-de/02-safe/03-wifi.md', 'typed here, not sent yet'],
		['02-web/01-html/01-tags.md', 'another pathway']
	]);

	it('lists the pathway’s drafts whose text is published, removals included, at their versions', () => {
		expect(carriedDrafts(drafts, edits, '01-de')).toEqual([
			{ file: '01-de/02-safe/01-scams.md', version: 3 },
			{ file: '01-de/02-safe/02-scams.md', version: 1 }
		]);
	});

	it('counts a file the publish leaves out as removed, and nothing else of it as done', () => {
		expect(carriedDrafts(drafts, new Map(), '01-de')).toEqual([
			{ file: '01-de/02-safe/01-scams.md', version: 3 }
		]);
	});
});
