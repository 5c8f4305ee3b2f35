import type { MediaItem } from '$lib/content/catalog-types';
import { FileReport } from '../../../scripts/content/diagnostics';
import { publishedPicture, sha256 } from '../../../scripts/content/pictures';
import type { LessonPictures, PictureSource } from '$lib/pictures/picture-source';

/**
 * The pictures the editor's preview shows, from the working files (published pictures and
 * pictures inserted as drafts), each named by the hash the publish step would give it.
 * Worked out once per picture, not on every keystroke's check: make one per set of assets.
 */
export class PreviewPictures {
	readonly #assets: ReadonlyMap<string, Uint8Array>;
	readonly #byPath = new Map<string, MediaItem>();
	readonly #byHash = new Map<string, MediaItem>();
	/** Looks pictures up by hash as the checker names them: one source, so the preview does not flicker. */
	readonly source: PictureSource;

	constructor(assets: ReadonlyMap<string, Uint8Array>) {
		this.#assets = assets;
		const byHash = this.#byHash;
		this.source = {
			stored: async (hash) => byHash.get(hash),
			fetch: async (hash) => byHash.get(hash)
		};
	}

	/** For the checker: the hash of the picture at `path` in content/, if there is one. */
	hashOf = (path: string): string | undefined => {
		// Only found ones are kept: a picture inserted later joins the assets under a new path.
		let item = this.#byPath.get(path);
		if (!item) {
			item = this.#item(path);
			if (item) this.#byPath.set(path, item);
		}
		return item?.hash;
	};

	/** What the preview's LessonHtml needs for a lesson that places `hashes`. */
	forLesson(hashes: string[]): LessonPictures {
		const refs = hashes.flatMap((hash) => {
			const item = this.#byHash.get(hash);
			return item ? [{ hash, type: item.type, bytes: item.data.length }] : [];
		});
		return { refs, source: this.source, lowData: false, online: true };
	}

	#item(path: string): MediaItem | undefined {
		const bytes = this.#assets.get(path);
		if (!bytes) return undefined;
		// An SVG here is as published (the server's, or a draft the editor wrote as published);
		// problems are the checker's to report, not the preview's.
		const picture = publishedPicture(path, bytes, new FileReport(path, ''), (svg) =>
			new TextDecoder().decode(svg)
		);
		if (!picture) return undefined;
		const item = { hash: sha256(picture.data), ...picture };
		this.#byHash.set(item.hash, item);
		return item;
	}
}
