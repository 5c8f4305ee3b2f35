import 'fake-indexeddb/auto';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentApi } from '$lib/api/content';
import { Offline } from '$lib/api/http';
import type { MediaItem, MediaRef } from '$lib/content/catalog-types';
import { openDatabase, type ClydeDatabase } from '$lib/db/database';
import Picture from './Picture.svelte';
import { phonePictures, type LessonPictures } from './picture-source';

const DRAWING: MediaItem = {
	hash: 'a'.repeat(64),
	type: 'svg',
	data: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect class="ink" width="10" height="10"/><text class="ink" y="5">Tap</text></svg>'
};
const REF: MediaRef = { hash: DRAWING.hash, type: 'svg', bytes: 3 * 1024 };
const ALT = 'A finger taps the screen once.';

/** The server's media route as a transport over the test's own picture; it can drop. */
function transport(): ContentApi & { asked: string[][]; offline: boolean } {
	const api = {
		asked: [] as string[][],
		offline: false,
		catalog: async () => ({ seq: 1, pathways: [] }),
		lessons: async () => [],
		async media(hashes: string[]) {
			if (api.offline) throw new Offline('no connection (Failed to fetch)');
			api.asked.push(hashes);
			return hashes.includes(DRAWING.hash) ? [DRAWING] : [];
		}
	};
	return api;
}

describe('Picture', () => {
	let db: ClydeDatabase;
	let api: ReturnType<typeof transport>;
	beforeEach(() => {
		db = openDatabase(`test-${Math.random()}`);
		api = transport();
	});
	afterEach(() => db.delete());

	const show = (pictures: Partial<LessonPictures> = {}) =>
		render(Picture, {
			hash: DRAWING.hash,
			alt: ALT,
			caption: 'Tap',
			pictures: {
				refs: [REF],
				source: phonePictures(db, api, 'p'),
				lowData: false,
				online: true,
				...pictures
			}
		});

	it('shows a stored picture inline, named by its alt text, without asking the server', async () => {
		await db.media.put({ ...DRAWING, pathway: 'p' });
		show({ online: false });
		const picture = await screen.findByRole('img', { name: ALT });
		expect(picture.tagName.toLowerCase()).toBe('svg');
		expect(picture.querySelector('rect')?.getAttribute('class')).toBe('ink');
		expect(screen.getByText('Tap', { selector: 'figcaption' })).toBeInTheDocument();
		expect(api.asked).toEqual([]);
	});

	it('online, fetches a picture that is not stored, and keeps it only if its pathway is downloaded', async () => {
		const reading = show();
		await screen.findByRole('img', { name: ALT });
		expect(api.asked).toEqual([[DRAWING.hash]]);
		expect(await db.media.count()).toBe(0);
		reading.unmount();

		await db.downloads.put({ pathway: 'p', requestedAt: '' });
		show();
		await screen.findByRole('img', { name: ALT });
		expect(await db.media.count()).toBe(1);
	});

	it('in low-data mode shows the alt text and fetches nothing until asked', async () => {
		show({ lowData: true });
		const button = await screen.findByRole('button', { name: 'Show picture (3 kB)' });
		expect(screen.getByText(ALT)).toBeInTheDocument();
		expect(button).toHaveAccessibleDescription(`Picture: ${ALT}`);
		expect(api.asked).toEqual([]);

		await userEvent.click(button);
		await screen.findByRole('img', { name: ALT });
		expect(api.asked).toEqual([[DRAWING.hash]]);
		expect((await db.media.toArray()).map((m) => [m.hash, m.pathway])).toEqual([
			[DRAWING.hash, 'p']
		]);
	});

	it('explains, offline, why the picture cannot come, and fetches nothing', async () => {
		show({ lowData: true, online: false });
		await userEvent.click(await screen.findByRole('button', { name: 'Show picture (3 kB)' }));
		expect(screen.getByRole('status')).toHaveTextContent(
			'You are offline, so the picture cannot be fetched now.'
		);
		expect(api.asked).toEqual([]);
		expect(screen.queryByRole('img')).toBeNull();
	});

	it('offers to try again when the line drops on the way', async () => {
		api.offline = true;
		show();
		await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
		expect(screen.getByRole('status')).toHaveTextContent('The picture could not be loaded.');
		api.offline = false;
		await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
		await screen.findByRole('img', { name: ALT });
	});
});
