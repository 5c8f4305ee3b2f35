import type { z } from 'zod';
import type { Level } from '../../src/lib/content/types';
import { internalError } from './check-lesson-source';
import { checkBody } from './check-body';
import { contentFiles, type ContentFiles } from './content-files';
import { FileReport } from './diagnostics';
import type { PlacedExercise } from './exercise';
import { readFrontmatter, type ParsedFile } from './frontmatter';
import { renderContent, type Rendered } from './links';
import type { CompiledMedia } from './pictures';
import type { Sanitiser } from './sanitize';
import type { DecodedFile } from './source-text';

export interface ContentInput {
	/** Markdown files by path relative to content/ ("01-x/01-y/01-z.md"). */
	markdown: Map<string, string>;
	/** Every other file (images), by path relative to content/. */
	assets: Map<string, Uint8Array>;
	/** Markdown files whose bytes are not UTF-8, and where (see source-text.ts). */
	notUtf8?: Map<string, NonNullable<DecodedFile['notUtf8']>>;
}

/** What the lesson, module and pathway steps of a compile share. */
export interface CompileContext {
	readonly input: ContentInput;
	readonly files: ContentFiles;
	readonly sanitiser: Sanitiser;
	/** The diagnostics of one file, collected as the steps find them. */
	reportFor(file: string): FileReport;
	/** The file's frontmatter and body, or undefined (and a diagnostic) if it is unusable. */
	read<T extends { id: string }>(file: string, schema: z.ZodType<T>): ParsedFile<T> | undefined;
	/** Records that `file` uses `id`; a later file using it gets an error at `offset`. */
	claimId(id: string, file: string, offset: number): void;
	/** Checks a pathway.md's or module.md's body, where no quiz may go. */
	checkIntro(file: string, doc: ParsedFile<{ id: string }>, level: Level): void;
	/** The Markdown body of `file` as HTML, its links resolved and its pictures placed. */
	render(file: string, body: string): Rendered;
	/** The picture file at `path` as published (compiled and checked once), if it can be. */
	picture(path: string): CompiledMedia | undefined;
	/** A picture compiled so far, by its hash. */
	media(hash: string): CompiledMedia | undefined;
	/** Every file's diagnostics so far. */
	reports(): FileReport[];
	/** The exercises of the lessons compiled so far, for verify-exercises.ts to run. */
	readonly exercises: FileExercise[];
}

export interface FileExercise {
	file: string;
	placed: PlacedExercise;
}

export function compileContext(input: ContentInput, sanitiser: Sanitiser): CompileContext {
	const reports = new Map<string, FileReport>();
	const reportFor = (file: string) => {
		let report = reports.get(file);
		if (!report) {
			report = new FileReport(file, input.markdown.get(file) ?? assetText(input, file));
			reports.set(file, report);
		}
		return report;
	};
	const seenIds = new Map<string, string>();
	const pictures = new Map<string, CompiledMedia | undefined>();
	const byHash = new Map<string, CompiledMedia>();
	const picture = (path: string) => {
		if (!pictures.has(path)) {
			const bytes = input.assets.get(path);
			const media = bytes && sanitiser.picture?.(path, bytes, reportFor(path));
			pictures.set(path, media);
			if (media) byHash.set(media.hash, media);
		}
		return pictures.get(path);
	};
	const files = contentFiles(input.markdown, input.assets, (path) => picture(path)?.hash);
	return {
		input,
		files,
		sanitiser,
		reportFor,
		exercises: [],
		read: (file, schema) => readFrontmatter(input.markdown.get(file), schema, reportFor(file)),
		claimId(id, file, offset) {
			const first = seenIds.get(id);
			if (first)
				reportFor(file).error(offset, `duplicate id "${id}": content/${first} already uses it`);
			else seenIds.set(id, file);
		},
		checkIntro(file, doc, level) {
			try {
				checkBody(doc.body, {
					...files,
					file,
					bodyOffset: doc.bodyOffset,
					report: reportFor(file),
					level,
					isLesson: false,
					sanitiser
				});
			} catch (error) {
				reportFor(file).error(0, internalError(error));
			}
		},
		render: (file, body) => renderContent(file, body, files, sanitiser),
		picture,
		media: (hash) => byHash.get(hash),
		reports: () => [...reports.values()]
	};
}

/** What a pathway, module or lesson publishes of its place in content/ and its file. */
export function identity(
	place: { slug: string; position: number },
	file: string,
	doc: { meta: { id: string; title: string; summary: string }; head: string }
) {
	return {
		id: doc.meta.id,
		slug: place.slug,
		position: place.position,
		file,
		head: doc.head,
		title: doc.meta.title,
		summary: doc.meta.summary
	};
}

/** An SVG's text, so that its problems can be placed at a line; other files have none. */
function assetText(input: ContentInput, file: string): string {
	const bytes = file.toLowerCase().endsWith('.svg') ? input.assets.get(file) : undefined;
	return bytes ? new TextDecoder().decode(bytes) : '';
}
