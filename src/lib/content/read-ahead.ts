import { isStoredLesson } from '$lib/api/content';
import type { MediaItem, StoredLesson } from '$lib/content/catalog-types';
import type { ClydeDatabase } from '$lib/db/database';

/** The part of the database read ahead: a lesson by its id, a picture by its hash. */
export type ReadAheadSource = Pick<ClydeDatabase, 'lessons' | 'media'>;

/**
 * The next lesson, read from the phone while the learner reads this one, so that "Next"
 * shows it at once instead of after an IndexedDB round trip. Holds one lesson and its
 * pictures at a time (a cheap phone has little memory); a screen still reads the database
 * as usual and its answer replaces what was read ahead.
 */
export class ReadAhead {
	readonly #db: ReadAheadSource;
	#lesson: StoredLesson | undefined;
	#pictures = new Map<string, MediaItem>();
	#reading: string | undefined;

	constructor(db: ReadAheadSource) {
		this.#db = db;
	}

	/** Reads a stored lesson and its stored pictures; one not on the phone is simply not held. */
	async prepare(id: string): Promise<void> {
		if (this.#lesson?.id === id || this.#reading === id) return;
		this.#reading = id;
		try {
			const found: unknown = await this.#db.lessons.get(id);
			// A damaged row is left to the screen, which reads it again and says so.
			const lesson = isStoredLesson(found) ? found : undefined;
			const pictures = new Map<string, MediaItem>();
			for (const ref of lesson?.media ?? []) {
				const item = await this.#db.media.where('hash').equals(ref.hash).first();
				if (item) pictures.set(item.hash, item);
			}
			// Only the latest request is kept: the learner may have moved on meanwhile.
			if (this.#reading !== id) return;
			this.#lesson = lesson;
			this.#pictures = pictures;
		} finally {
			if (this.#reading === id) this.#reading = undefined;
		}
	}

	/** The lesson, if it was read ahead. */
	lesson(id: string): StoredLesson | undefined {
		return this.#lesson?.id === id ? this.#lesson : undefined;
	}

	/** A picture of the lesson read ahead, if it is on the phone. */
	picture(hash: string): MediaItem | undefined {
		return this.#pictures.get(hash);
	}
}
