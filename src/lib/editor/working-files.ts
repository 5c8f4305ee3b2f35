import type { Draft } from './draft-save';
import type { EditorClient, EditorFiles } from './editor-client';
import { followAssets } from './follow-assets';
import { isPictureFile, pictureBytes } from './picture-file';
import { unsentOf, type EditorDatabase, type UnsentDraft } from './unsent-drafts';

export interface WorkingFiles {
	/** What learners have now. */
	published: EditorFiles;
	/**
	 * What the editors are working on: the published files with the drafts on top (pictures
	 * too), without the files whose draft has no text (removed, or moved to another number).
	 */
	files: EditorFiles;
	drafts: Map<string, Draft>;
	/** Texts typed on this device and not yet on the server. */
	unsent: Map<string, UnsentDraft>;
}

/**
 * The content as the editor pages show it: the published files, then the server's drafts
 * over them, then what this editor typed here and could not send yet.
 */
export async function loadWorkingFiles(
	editor: EditorClient,
	db: EditorDatabase,
	user: string
): Promise<WorkingFiles> {
	const [published, saved, unsent] = await Promise.all([
		editor.published(),
		editor.drafts(),
		unsentOf(db, user)
	]);
	return workingFiles(published, saved, unsent);
}

/** The published files, the server's drafts over them, then the texts typed here and not sent. */
export function workingFiles(
	published: EditorFiles,
	saved: Draft[],
	unsent: Map<string, UnsentDraft>
): WorkingFiles {
	const markdown = new Map(published.markdown);
	const assets = new Map(published.assets);
	for (const draft of saved) {
		// A picture inserted in the editor is a draft too, its data as text (picture-file.ts).
		if (isPictureFile(draft.file)) {
			if (draft.text) assets.set(draft.file, pictureBytes(draft.file, draft.text));
		} else markdown.set(draft.file, draft.text);
	}
	for (const row of unsent.values()) markdown.set(row.file, row.text);
	for (const [file, text] of markdown) if (text === '') markdown.delete(file);
	return {
		published,
		files: { markdown, assets: followAssets(published.markdown, markdown, assets) },
		drafts: new Map(saved.map((d) => [d.file, d])),
		unsent
	};
}

/** The texts to publish over the published files: the working files, '' for a removed one. */
export function editsOf(working: Pick<WorkingFiles, 'published' | 'files'>): Map<string, string> {
	const edits = new Map(working.files.markdown);
	for (const file of working.published.markdown.keys()) if (!edits.has(file)) edits.set(file, '');
	return edits;
}
