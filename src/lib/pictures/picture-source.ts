import type { ContentApi } from '$lib/api/content';
import type { MediaItem, MediaRef } from '$lib/content/catalog-types';
import type { ClydeDatabase } from '$lib/db/database';
import { isQuotaError, StorageFullError } from '$lib/db/storage-full';

/** Where a lesson's pictures come from. */
export interface PictureSource {
	/** The picture, if it is on this phone. */
	stored(hash: string): Promise<MediaItem | undefined>;
	/**
	 * The picture from the server (undefined if it is no longer published). Kept on the phone
	 * when the learner asked for it (`asked`) or when its pathway is downloaded.
	 */
	fetch(hash: string, asked: boolean): Promise<MediaItem | undefined>;
}

/** What LessonHtml needs to show a lesson's pictures. */
export interface LessonPictures {
	/** The lesson's pictures as its metadata lists them: type and size, by hash. */
	refs: MediaRef[];
	source: PictureSource;
	/** Low-data mode: a picture not on the phone waits until the learner asks for it. */
	lowData: boolean;
	online: boolean;
}

/**
 * The learner's pictures for one pathway: IndexedDB first, then the server. A picture already
 * read ahead (`ahead`, see ReadAhead) needs no database read.
 */
export function phonePictures(
	db: ClydeDatabase,
	api: ContentApi,
	pathway: string,
	ahead?: { picture(hash: string): MediaItem | undefined }
): PictureSource {
	return {
		stored: async (hash) => ahead?.picture(hash) ?? db.media.where('hash').equals(hash).first(),
		async fetch(hash, asked) {
			const [item] = await api.media([hash]);
			if (item && (asked || (await db.downloads.get(pathway)))) {
				try {
					await db.media.put({ ...item, pathway });
				} catch (error) {
					throw isQuotaError(error) ? new StorageFullError() : error;
				}
			}
			return item;
		}
	};
}

/** Pictures already at hand (the editor preview has them with the compiled content). */
export function givenPictures(items: MediaItem[]): PictureSource {
	const byHash = new Map(items.map((item) => [item.hash, item]));
	return {
		stored: async (hash) => byHash.get(hash),
		fetch: async (hash) => byHash.get(hash)
	};
}
