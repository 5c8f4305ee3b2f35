import type { CarriedDraft } from '../../../scripts/content/publish-client';
import type { Draft } from './draft-save';
import { isPictureFile } from './picture-file';

/**
 * The server's drafts that publishing `edits` (the texts sent, '' for a removed file) carries
 * out: those of the pathway's folder whose text is the one published, removal drafts ('')
 * included (a file the publish leaves out is gone after it, so its removal draft is done too,
 * even if it was never published). Each goes at the version the editor saw, so a draft saved
 * since is kept; a text typed on this device and not yet sent differs from the server's draft,
 * which then stays.
 */
export function carriedDrafts(
	drafts: ReadonlyMap<string, Pick<Draft, 'text' | 'version'>>,
	edits: ReadonlyMap<string, string>,
	pathway: string
): CarriedDraft[] {
	return (
		[...drafts]
			// A picture draft is cleared by the server when its data is published (publish.js).
			.filter(
				([file, draft]) =>
					file.startsWith(`${pathway}/`) &&
					!isPictureFile(file) &&
					(edits.get(file) ?? '') === draft.text
			)
			.map(([file, draft]) => ({ file, version: draft.version }))
	);
}
