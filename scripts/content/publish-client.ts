import type { CompiledPathway } from './catalog';
import { UserError } from '../user-error';

export type ChangeKind = 'pathways' | 'modules' | 'lessons' | 'media';
export type Change = 'created' | 'updated' | 'republished' | 'unchanged' | 'unpublished';

export interface PublishResult {
	dryRun: boolean;
	seq: number;
	changes: { kind: ChangeKind; id: string; change: Change; version: number }[];
	/** A real publish: its id in `publishes`, and how many drafts it made stale and deleted. */
	publish?: string;
	draftsCleared?: number;
}

export interface PublishOptions {
	url: string;
	/** A PocketBase auth token of an editor or an admin. */
	token: string;
	pathways: CompiledPathway[];
	dryRun: boolean;
	/** The drafts this publish carries out, at their versions: the server deletes them. */
	drafts?: CarriedDraft[];
	/** Called as the request body goes out, with bytes sent and the total. */
	onUpload?(sent: number, total: number): void;
}

/** A draft a publish carries out: the server deletes it if it is still at `version`. */
export interface CarriedDraft {
	file: string;
	version: number;
}

/**
 * The publish payload: the compiled catalog, each item with its file's path and text, which
 * the server keeps for `content:export`; each picture as the server stores it, without the
 * editors' file path and size; the drafts it carries out, if any.
 */
export function publishPayload(
	pathways: CompiledPathway[],
	dryRun: boolean,
	drafts?: CarriedDraft[]
) {
	return {
		dryRun,
		...(drafts && { drafts }),
		pathways: pathways.map(({ media, ...pathway }) => ({
			...pathway,
			media: media.map(({ hash, type, data }) => ({ hash, type, data }))
		}))
	};
}

/** Sends the whole content set to the publish route, which applies it in one transaction. */
export async function publishContent(options: PublishOptions): Promise<PublishResult> {
	const body = new TextEncoder().encode(
		JSON.stringify(publishPayload(options.pathways, options.dryRun, options.drafts))
	);
	const chunk = 64 * 1024;
	let sent = 0;
	// A streamed body lets the progress bar follow the upload itself, not just the steps.
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent >= body.length) {
				controller.close();
				return;
			}
			const next = body.subarray(sent, sent + chunk);
			sent += next.length;
			options.onUpload?.(sent, body.length);
			controller.enqueue(next);
		}
	});
	let response: Response;
	try {
		response = await fetch(`${options.url}/api/clyde/content/publish`, {
			method: 'POST',
			headers: {
				Authorization: options.token,
				'Content-Type': 'application/json',
				'Content-Length': String(body.length)
			},
			body: stream,
			duplex: 'half'
		} as RequestInit);
	} catch (error) {
		throw new UserError(
			`cannot reach ${options.url}: ${(error as Error).message}; is the server running?`
		);
	}
	const answer = (await response.json().catch(() => ({}))) as {
		message?: string;
	} & Partial<PublishResult>;
	if (response.status === 401 || response.status === 403) {
		throw new UserError(
			`the server refused to publish: ${answer.message ?? response.statusText} (sign in as an editor)`
		);
	}
	if (!response.ok) {
		throw new UserError(
			`publish failed (${response.status}): ${answer.message ?? response.statusText}`
		);
	}
	return answer as PublishResult;
}

/** Lines for the terminal: what changed, then counts. */
export function describeResult(result: PublishResult): string[] {
	const lines = result.changes
		.filter((c) => c.change !== 'unchanged')
		.map((c) =>
			c.kind === 'media'
				? `  ${c.change.padEnd(11)} picture ${c.id}`
				: `  ${c.change.padEnd(11)} ${c.kind.replace(/s$/, '').padEnd(7)} ${c.id} (version ${c.version})`
		);
	const count = (change: Change) => result.changes.filter((c) => c.change === change).length;
	const verb = result.dryRun ? 'would be' : 'were';
	lines.push(
		`${result.dryRun ? 'Dry run: nothing was changed. ' : ''}${count('created')} created, ${count('updated')} updated, ${count('republished')} republished, ${count('unpublished')} unpublished, ${count('unchanged')} unchanged (items that ${verb} published: ${result.changes.length - count('unpublished')}).`
	);
	return lines;
}
