import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '$lib/i18n/i18n.svelte';
import { makePathway } from '../../../tests/factories/catalog';
import { describeUpdate, downloadState, formatMegabytes, removedLessons } from './download-state';

beforeAll(() => i18n.use('en'));

const pathway = makePathway('p', 2, 5);
const all = new Map(
	pathway.modules.flatMap((m) => m.lessons.map((l) => [l.id, { hash: l.hash, pathway: 'p' }]))
);
const without = (...ids: string[]) => new Map([...all].filter(([id]) => !ids.includes(id)));

describe('downloadState', () => {
	it('is none until asked for, and downloading while it runs', () => {
		expect(downloadState(pathway, undefined, all)).toEqual({ kind: 'none' });
		expect(downloadState(pathway, {}, all, 40)).toEqual({ kind: 'downloading', percent: 40 });
	});

	it('is paused while lessons of a download that never finished are missing', () => {
		expect(downloadState(pathway, {}, without('p-m2-l5'))).toEqual({ kind: 'paused', percent: 90 });
	});

	it('is ready when every lesson is stored as published', () => {
		expect(downloadState(pathway, { finishedAt: 'x' }, all)).toEqual({ kind: 'ready' });
	});

	it('calls a lesson published after the download finished an update, not an unfinished download', () => {
		const grown = makePathway('p', 2, 6);
		expect(downloadState(grown, { finishedAt: 'x' }, all)).toEqual({
			kind: 'update',
			added: 2,
			changed: 0,
			removed: 0
		});
	});

	it('counts changed lessons beside new ones', () => {
		const edited = structuredClone(makePathway('p', 2, 6));
		const lesson = edited.modules[0]?.lessons[0];
		if (lesson) lesson.hash = 'h2';
		expect(downloadState(edited, { finishedAt: 'x' }, all)).toEqual({
			kind: 'update',
			added: 2,
			changed: 1,
			removed: 0
		});
	});
});

describe('a lesson unpublished since the download', () => {
	it('is an update that names it, and stored lessons of other pathways do not count', () => {
		const shrunk = structuredClone(pathway);
		shrunk.modules[0]?.lessons.pop();
		const stored = new Map([...all, ['q-1', { hash: 'h1', pathway: 'q' }]]);
		const state = downloadState(shrunk, { finishedAt: 'x' }, stored);
		expect(state).toEqual({ kind: 'update', added: 0, changed: 0, removed: 1 });
		expect(removedLessons(shrunk, stored)).toEqual(['p-m1-l5']);
	});
});

describe('sizes and updates in words', () => {
	it('gives sizes in whole megabytes', () => {
		expect(formatMegabytes(0)).toBe('less than 1 MB');
		expect(formatMegabytes(180_000)).toBe('less than 1 MB');
		expect(formatMegabytes(1024 * 1024)).toBe('about 1 MB');
		expect(formatMegabytes(2.6 * 1024 * 1024)).toBe('about 3 MB');
		expect(formatMegabytes(1250 * 1024 * 1024)).toBe('about 1,250 MB');
	});

	it('names new and changed lessons', () => {
		expect(describeUpdate({ added: 1, changed: 0, removed: 0 })).toBe('1 new lesson');
		expect(describeUpdate({ added: 0, changed: 2, removed: 0 })).toBe('2 lessons changed');
		expect(describeUpdate({ added: 2, changed: 1, removed: 0 })).toBe('2 new lessons, 1 changed');
		expect(describeUpdate({ added: 0, changed: 0, removed: 1 })).toBe('1 lesson removed');
		expect(describeUpdate({ added: 1, changed: 0, removed: 2 })).toBe(
			'1 new lesson, 2 lessons removed'
		);
	});
});
