import type { z } from 'zod';
import type { Level } from '../../src/lib/content/types';
import { checkBody, type BodyContext } from './check-body';
import { FileReport } from './diagnostics';
import { readFrontmatter, type ParsedFile } from './frontmatter';
import { contentUrls, renderContent, type Rendered } from './links';
import { compilePicture, type CompiledMedia } from './pictures';

export interface ContentInput {
	/** Markdown files by path relative to content/ ("01-x/01-y/01-z.md"). */
	markdown: Map<string, string>;
	/** Every other file (images), by path relative to content/. */
	assets: Map<string, Uint8Array>;
}

/** What the lesson, module and pathway steps of a compile share. */
export interface CompileContext {
	readonly input: ContentInput;
	/** The diagnostics of one file, collected as the steps find them. */
	reportFor(file: string): FileReport;
	/** The file's frontmatter and body, or undefined (and a diagnostic) if it is unusable. */
	read<T extends { id: string }>(file: string, schema: z.ZodType<T>): ParsedFile<T> | undefined;
	/** Records that `file` uses `id`; a later file using it gets an error at `offset`. */
	claimId(id: string, file: string, offset: number): void;
	/** Claims a pathway.md's or module.md's id and checks its body, where no quiz may go. */
	checkIntro(file: string, doc: ParsedFile<{ id: string }>, level: Level): void;
	/** What `checkBody` needs to know of a file besides its level. */
	bodyContext(
		file: string,
		bodyOffset: number
	): Omit<BodyContext, 'level' | 'allowQuiz' | 'allowPictures'>;
	/** The Markdown body of `file` as HTML, its links resolved and its pictures placed. */
	render(file: string, body: string): Rendered;
	/** The picture file at `path` as published (compiled and checked once), if it can be. */
	picture(path: string): CompiledMedia | undefined;
	/** A picture compiled so far, by its hash. */
	media(hash: string): CompiledMedia | undefined;
	/** Every file's diagnostics so far. */
	reports(): FileReport[];
}

export function compileContext(input: ContentInput): CompileContext {
	const reports = new Map<string, FileReport>();
	const reportFor = (file: string) => {
		let report = reports.get(file);
		if (!report) {
			report = new FileReport(file, input.markdown.get(file) ?? assetText(input, file));
			reports.set(file, report);
		}
		return report;
	};
	const pictures = new Map<string, CompiledMedia | undefined>();
	const byHash = new Map<string, CompiledMedia>();
	const seenIds = new Map<string, string>();
	const urls = contentUrls([...input.markdown.keys()]);
	const context: CompileContext = {
		input,
		reportFor,
		read: (file, schema) => readFrontmatter(input.markdown.get(file), schema, reportFor(file)),
		claimId(id, file, offset) {
			const first = seenIds.get(id);
			if (first)
				reportFor(file).error(offset, `duplicate id "${id}": content/${first} already uses it`);
			else seenIds.set(id, file);
		},
		checkIntro(file, doc, level) {
			context.claimId(doc.meta.id, file, doc.idOffset);
			checkBody(doc.body, {
				...context.bodyContext(file, doc.bodyOffset),
				level,
				allowQuiz: false,
				allowPictures: false
			});
		},
		bodyContext: (file, bodyOffset) => ({
			file,
			bodyOffset,
			report: reportFor(file),
			markdownExists: (path) => input.markdown.has(path),
			assetExists: (path) => input.assets.has(path)
		}),
		render: (file, body) => renderContent(file, body, urls, context.picture),
		picture(path) {
			if (!pictures.has(path)) {
				const bytes = input.assets.get(path);
				const media = bytes && compilePicture(path, bytes, reportFor(path));
				pictures.set(path, media);
				if (media) byHash.set(media.hash, media);
			}
			return pictures.get(path);
		},
		media: (hash) => byHash.get(hash),
		reports: () => [...reports.values()]
	};
	return context;
}

/** What a pathway, module or lesson publishes of its place in content/ and its frontmatter. */
export function identity(
	place: { slug: string; position: number },
	file: string,
	meta: { id: string; title: string; summary: string }
) {
	return {
		id: meta.id,
		slug: place.slug,
		position: place.position,
		file,
		title: meta.title,
		summary: meta.summary
	};
}

/** An SVG's text, so that its problems can be placed at a line; other files have none. */
function assetText(input: ContentInput, file: string): string {
	const bytes = file.toLowerCase().endsWith('.svg') ? input.assets.get(file) : undefined;
	return bytes ? new TextDecoder().decode(bytes) : '';
}
