import type { Session } from '$lib/api/auth';
import type { CompiledPathway } from '../../../scripts/content/catalog';
import { exportFiles } from '../../../scripts/content/export-files';
import { PUBLISHED_FIELDS, publishedItems } from '../../../scripts/content/published-records';
import {
	publishPayload,
	type CarriedDraft,
	type PublishResult
} from '../../../scripts/content/publish-client';
import { NoAnswer } from './autosave';
import type { Draft, DraftConflict, DraftSaveResult } from './draft-save';

/** The content/ tree as the editor works on it: Markdown by path, pictures by path. */
export interface EditorFiles {
	markdown: Map<string, string>;
	assets: Map<string, Uint8Array>;
}

type Row = Record<string, unknown>;

/** One publish as `publishes` records it (pb_migrations/…_publishes.js). */
export interface PublishRecord {
	id: string;
	/** Its place in the history, 1 for the first: seq is shared by publishes that change nothing. */
	number: number;
	authorName: string;
	created: string;
	changes: PublishResult['changes'];
	/** The publish this one restored, if it was a restore. */
	restoredFrom: string;
}

/**
 * The editor's side of the API. Plain fetch, not the PocketBase SDK the tutor pages use: a
 * module shared by the editor's and the tutor's pages was bundled into files that learners'
 * screens load (docs/benchmarks.md, first-load-js). Loaded only by the /editor pages.
 */
export class EditorClient {
	constructor(
		readonly session: Session,
		readonly base = ''
	) {}

	async role(): Promise<string> {
		const me = await this.#call<Row>(`/api/collections/users/records/${this.session.userId}`);
		return String(me.role ?? '');
	}

	/**
	 * What is published, as the content/ tree content:export writes (each file as written,
	 * pictures at their paths), so that the checker sees what content:check would.
	 */
	async published(): Promise<EditorFiles> {
		const list = (collection: string, fields: string) =>
			this.#all(collection, 'published = true', fields);
		const [pathways, modules, lessons, pictures] = await Promise.all([
			list('pathways', PUBLISHED_FIELDS.pathways),
			list('modules', PUBLISHED_FIELDS.modules),
			list('lessons', PUBLISHED_FIELDS.lessons),
			list('media', PUBLISHED_FIELDS.media)
		]);
		const { items, media } = publishedItems({ pathways, modules, lessons, pictures });
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
		const records = await this.#all('drafts', '', 'file,text,version,author_name,updated');
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
		const response = await this.#fetch('/api/clyde/drafts/save', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ file, text, baseVersion })
		});
		const body = (await response.json().catch(() => ({}))) as Row;
		if (response.status === 409) return { ok: false, conflict: body as unknown as DraftConflict };
		if (!response.ok) throw new Error(String(body.message ?? response.statusText));
		return { ok: true, version: Number(body.version) };
	}

	/**
	 * Sends the whole content set to the publish route, which renders nothing itself but
	 * verifies every piece against the allow-list; `dryRun` answers what would change. Not the
	 * CLI's streamed upload: Chromium streams request bodies over HTTP/2 only.
	 */
	async publish(
		pathways: CompiledPathway[],
		dryRun: boolean,
		drafts?: CarriedDraft[]
	): Promise<PublishResult> {
		return this.#post('/api/clyde/content/publish', publishPayload(pathways, dryRun, drafts));
	}

	/** Publishes an earlier publish's content set again; recorded as a publish of its own. */
	async restore(publish: string, dryRun: boolean): Promise<PublishResult> {
		return this.#post('/api/clyde/content/restore', { publish, dryRun });
	}

	/** The last 100 publishes, newest first. */
	async publishes(): Promise<PublishRecord[]> {
		const query = new URLSearchParams({
			perPage: '100',
			sort: '-created,-seq',
			fields: 'id,author_name,created,changes,restored_from'
		});
		const answer = await this.#call<{ items: Row[]; totalItems: number }>(
			`/api/collections/publishes/records?${query}`
		);
		return answer.items.map((r, i) => ({
			id: String(r.id),
			number: answer.totalItems - i,
			authorName: String(r.author_name ?? ''),
			created: String(r.created ?? ''),
			changes: (r.changes ?? []) as PublishResult['changes'],
			restoredFrom: String(r.restored_from ?? '')
		}));
	}

	async #post<T>(path: string, body: unknown): Promise<T> {
		const response = await this.#fetch(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		const answer = (await response.json().catch(() => ({}))) as Row;
		if (!response.ok) throw new Error(String(answer.message ?? response.statusText));
		return answer as T;
	}

	/** Every record of a collection the rules let this editor list (500 a page, PocketBase's most). */
	async #all(collection: string, filter: string, fields: string): Promise<Row[]> {
		const rows: Row[] = [];
		for (let page = 1; ; page++) {
			const query = new URLSearchParams({
				page: String(page),
				perPage: '500',
				skipTotal: '1',
				fields,
				...(filter && { filter })
			});
			const answer = await this.#call<{ items: Row[] }>(
				`/api/collections/${collection}/records?${query}`
			);
			rows.push(...answer.items);
			if (answer.items.length < 500) return rows;
		}
	}

	async #call<T>(path: string): Promise<T> {
		const response = await this.#fetch(path, {});
		const body = (await response.json().catch(() => ({}))) as Row;
		if (!response.ok) {
			throw Object.assign(new Error(String(body.message ?? response.statusText)), {
				status: response.status
			});
		}
		return body as T;
	}

	/** fetch with the editor's token; no answer at all is NoAnswer (status 0 for the layout). */
	async #fetch(path: string, init: RequestInit): Promise<Response> {
		try {
			return await fetch(`${this.base}${path}`, {
				...init,
				headers: { ...(init.headers as Record<string, string>), authorization: this.session.token }
			});
		} catch (error) {
			throw Object.assign(new NoAnswer('The server could not be reached.', { cause: error }), {
				status: 0
			});
		}
	}
}
