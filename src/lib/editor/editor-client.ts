import PocketBase, { ClientResponseError } from 'pocketbase';
import type { Session } from '$lib/api/auth';
import { exportFiles } from '../../../scripts/content/export-files';
import { fetchPublishedFiles } from '../../../scripts/content/export-client';
import { NoAnswer } from './autosave';
import type { Draft, DraftConflict, DraftSaveResult } from './draft-save';

/** The content/ tree as the editor works on it: Markdown by path, pictures by path. */
export interface EditorFiles {
	markdown: Map<string, string>;
	assets: Map<string, Uint8Array>;
}

/**
 * The editor's side of the API, with the PocketBase SDK like the tutor's (laptops and
 * tablets, online): loaded only by the /editor pages.
 */
export class EditorClient {
	readonly pb: PocketBase;

	constructor(
		readonly session: Session,
		readonly base = '/'
	) {
		this.pb = new PocketBase(base);
		this.pb.authStore.save(session.token, null);
		this.pb.autoCancellation(false);
	}

	async role(): Promise<string> {
		const me = await this.pb.collection('users').getOne(this.session.userId);
		return String(me.role ?? '');
	}

	/**
	 * What is published, as the content/ tree content:export writes (each file as written,
	 * pictures at their paths), so that the checker sees what content:check would.
	 */
	async published(): Promise<EditorFiles> {
		const origin = new URL(this.base, location.href).href.replace(/\/$/, '');
		const { items, media } = await fetchPublishedFiles(origin);
		const { files } = exportFiles(items, media);
		const markdown = new Map<string, string>();
		const assets = new Map<string, Uint8Array>();
		const decoder = new TextDecoder();
		for (const [path, bytes] of files) {
			if (path.endsWith('.md')) markdown.set(path, decoder.decode(bytes));
			else assets.set(path, bytes);
		}
		return { markdown, assets };
	}

	async drafts(): Promise<Draft[]> {
		const records = await this.pb.collection('drafts').getFullList({ batch: 200 });
		return records.map((r) => ({
			file: String(r.file),
			text: String(r.text ?? ''),
			version: Number(r.version),
			authorName: String(r.author_name ?? ''),
			updated: String(r.updated ?? '')
		}));
	}

	/** Saves a draft on `baseVersion` (pb_hooks/drafts.pb.js); NoAnswer when offline. */
	async saveDraft(file: string, text: string, baseVersion: number): Promise<DraftSaveResult> {
		try {
			const answer = await this.pb.send<{ version: number }>('/api/clyde/drafts/save', {
				method: 'POST',
				body: { file, text, baseVersion }
			});
			return { ok: true, version: answer.version };
		} catch (error) {
			if (!(error instanceof ClientResponseError)) throw error;
			if (error.status === 0) throw new NoAnswer('The server could not be reached.');
			if (error.status === 409) return { ok: false, conflict: error.response as DraftConflict };
			throw new Error(String(error.response?.message ?? error.message), { cause: error });
		}
	}
}
