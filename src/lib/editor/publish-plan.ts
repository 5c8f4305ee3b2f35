import type { CompiledPathway } from '../../../scripts/content/catalog';
import { compileContent } from '../../../scripts/content/compile';
import type { Diagnostic } from '../../../scripts/content/diagnostics';
import type { Sanitiser } from '../../../scripts/content/sanitize';
import { translationOf } from '../../../scripts/content/translation-file';
import { kindOf, titleOf, type FileKind } from './content-tree';
import type { EditorFiles } from './editor-client';
import { followAssets } from './follow-assets';

export interface FileChange {
	file: string;
	/** A translation's is its original's kind, with its `language` ("pl"). */
	kind: FileKind;
	language?: string;
	title: string;
	/** 'moved': renamed to another file (a new number in its module), its id and so progress kept. */
	change: 'added' | 'changed' | 'removed' | 'moved';
	/** Where a moved file was. */
	from?: string;
	/** The published text ('' when added) and the text to publish ('' when removed). */
	before: string;
	after: string;
}

export interface PublishPlan {
	/** The pathway's folder in content/, like "01-digital-essentials". */
	pathway: string;
	/** Errors anywhere in what would be published: while there is one, nothing is sent. */
	errors: Diagnostic[];
	/** The pathway's files that differ from what is published, in tree order. */
	changes: FileChange[];
	/** The whole content set to send: the other pathways as published, this one as edited. */
	pathways: CompiledPathway[];
}

/**
 * What publishing one pathway would send: the published content with the editor's texts of
 * that pathway's files ('' removes one; drafts of other pathways stay drafts), compiled by the one compile
 * content:publish uses, with `assets` (the published pictures and those inserted as drafts).
 * The publish route replaces the whole set, so the set is sent whole.
 */
export function planPublish(
	published: EditorFiles,
	edited: ReadonlyMap<string, string>,
	pathway: string,
	sanitiser: Sanitiser,
	assets: Map<string, Uint8Array> = published.assets
): PublishPlan {
	// pathway.pl.md is no kind of its own: it is published with its pathway.md.
	const inPathway = (file: string) =>
		file.startsWith(`${pathway}/`) && (kindOf(file) ?? translationOf(file)) !== undefined;
	const markdown = new Map(published.markdown);
	for (const [file, text] of edited) {
		if (!inPathway(file)) continue;
		// A draft with no text removes its file (lesson-order.ts).
		if (text === '') markdown.delete(file);
		else markdown.set(file, text);
	}
	// Pictures follow a moved module or lesson (follow-assets.ts).
	const followed = followAssets(published.markdown, markdown, assets);
	const compiled = compileContent({ markdown, assets: followed }, sanitiser);
	const files = new Set([...published.markdown.keys(), ...markdown.keys()].filter(inPathway));
	const changes: FileChange[] = [];
	for (const file of [...files].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
		const before = published.markdown.get(file);
		const after = markdown.get(file);
		if (before === after) continue;
		const translation = translationOf(file);
		changes.push({
			file,
			kind: kindOf(translation?.original ?? file) ?? 'lesson',
			...(translation && { language: translation.language }),
			title: titleOf(file, after ?? before ?? ''),
			change: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed',
			before: before ?? '',
			after: after ?? ''
		});
	}
	return {
		pathway,
		errors: compiled.diagnostics.filter((d) => d.severity === 'error'),
		changes: pairMoves(changes),
		pathways: compiled.pathways
	};
}

/** A removed file and an added one with the same `id:` are one file moved (lesson-order.ts). */
function pairMoves(changes: FileChange[]): FileChange[] {
	const idOf = (text: string) => /^id:[ \t]*(\S+)/m.exec(text)?.[1];
	const removed = new Map<string, FileChange>();
	for (const c of changes) {
		const id = idOf(c.before);
		// A translation has its lesson's id: the language tells them apart.
		if (c.change === 'removed' && id) removed.set(`${c.kind} ${c.language} ${id}`, c);
	}
	const paired = new Set<FileChange>();
	const out: FileChange[] = [];
	for (const c of changes) {
		const was =
			c.change === 'added' ? removed.get(`${c.kind} ${c.language} ${idOf(c.after)}`) : undefined;
		if (was && !paired.has(was)) {
			paired.add(was);
			out.push({ ...c, change: 'moved', from: was.file, before: was.before });
		} else out.push(c);
	}
	return out.filter((c) => !paired.has(c));
}
