import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import type { z } from 'zod';
import type { Level } from '../../src/lib/content/types';
import { lessonUrl, moduleUrl, pathwayUrl } from '../../src/lib/content/urls';
import type { CompiledLesson, CompiledModule, CompiledPathway } from './catalog';
import { checkBody, resolveRelative } from './check-body';
import { FileReport, sortDiagnostics, type Diagnostic } from './diagnostics';
import { renderMarkdown } from './render';
import { lessonFrontmatter, moduleFrontmatter, pathwayFrontmatter } from './schemas';
import { parseYamlBlock } from './yaml-block';

export interface ContentInput {
	/** Markdown files by path relative to content/ ("01-x/01-y/01-z.md"). */
	markdown: Map<string, string>;
	/** Every other file (images), by path relative to content/. */
	assets: Map<string, Uint8Array>;
}

export interface CompiledContent {
	pathways: CompiledPathway[];
	diagnostics: Diagnostic[];
	/** Per file, for the editor preview. */
	lessonsByFile: Map<string, CompiledLesson>;
}

const NUMBERED = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const IMAGE_TYPES: Record<string, string> = {
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp'
};
/** Images are embedded in lesson HTML so a downloaded lesson is whole offline: keep them small. */
export const MAX_IMAGE_BYTES = 200 * 1024;

/**
 * Turns the files of content/ into the published catalog, checking everything an editor can
 * get wrong. Pure: files in, catalog and diagnostics out; reading the disk is load.ts's job.
 */
export function compileContent(input: ContentInput): CompiledContent {
	const reports = new Map<string, FileReport>();
	const reportFor = (file: string) => {
		let report = reports.get(file);
		if (!report) {
			report = new FileReport(file, input.markdown.get(file) ?? '');
			reports.set(file, report);
		}
		return report;
	};
	const lessonsByFile = new Map<string, CompiledLesson>();
	const urls = contentUrls([...input.markdown.keys()]);
	const seenIds = new Map<string, string>();
	const claimId = (id: string, file: string, offset: number) => {
		const first = seenIds.get(id);
		if (first)
			reportFor(file).error(offset, `duplicate id "${id}": content/${first} already uses it`);
		else seenIds.set(id, file);
	};

	const layout = classify([...input.markdown.keys()], reportFor);
	const pathways: CompiledPathway[] = [];
	for (const pathwayDir of layout) {
		const pathwayFile = `${pathwayDir.dir}/pathway.md`;
		const pathwayDoc = readFile(input, pathwayFile, pathwayFrontmatter, reportFor);
		const level: Level = pathwayDoc?.meta.level ?? 'beginner';
		const modules: CompiledModule[] = [];
		for (const moduleDir of pathwayDir.modules) {
			const moduleFile = `${moduleDir.dir}/module.md`;
			const moduleDoc = readFile(input, moduleFile, moduleFrontmatter, reportFor);
			const lessons: CompiledLesson[] = [];
			for (const lessonEntry of moduleDir.lessons) {
				const doc = readFile(input, lessonEntry.file, lessonFrontmatter, reportFor);
				if (!doc) continue;
				claimId(doc.meta.id, lessonEntry.file, doc.idOffset);
				const lessonLevel = doc.meta.level ?? level;
				const { quiz } = checkBody(doc.body, {
					...bodyContext(input, lessonEntry.file, doc.bodyOffset, reportFor(lessonEntry.file)),
					level: lessonLevel,
					allowQuiz: true
				});
				const html = render(input, lessonEntry.file, doc.body, urls);
				const lesson: Omit<CompiledLesson, 'hash'> = {
					id: doc.meta.id,
					slug: lessonEntry.slug,
					position: lessonEntry.position,
					file: lessonEntry.file,
					title: doc.meta.title,
					summary: doc.meta.summary,
					minutes: doc.meta.minutes,
					level: lessonLevel,
					outcomes: doc.meta.outcomes,
					source: doc.body,
					html,
					quiz: quiz ?? null
				};
				const compiled = { ...lesson, hash: hashOf(lesson, moduleDoc?.meta.id) };
				lessons.push(compiled);
				lessonsByFile.set(lessonEntry.file, compiled);
			}
			if (!moduleDoc) continue;
			claimId(moduleDoc.meta.id, moduleFile, moduleDoc.idOffset);
			checkBody(moduleDoc.body, {
				...bodyContext(input, moduleFile, moduleDoc.bodyOffset, reportFor(moduleFile)),
				level,
				allowQuiz: false
			});
			const module: Omit<CompiledModule, 'hash' | 'lessons'> = {
				id: moduleDoc.meta.id,
				slug: moduleDir.slug,
				position: moduleDir.position,
				file: moduleFile,
				title: moduleDoc.meta.title,
				summary: moduleDoc.meta.summary,
				outcomes: moduleDoc.meta.outcomes ?? [],
				introHtml: render(input, moduleFile, moduleDoc.body, urls)
			};
			modules.push({ ...module, hash: hashOf(module, pathwayDoc?.meta.id), lessons });
		}
		if (!pathwayDoc) continue;
		claimId(pathwayDoc.meta.id, pathwayFile, pathwayDoc.idOffset);
		checkBody(pathwayDoc.body, {
			...bodyContext(input, pathwayFile, pathwayDoc.bodyOffset, reportFor(pathwayFile)),
			level,
			allowQuiz: false
		});
		const pathway: Omit<CompiledPathway, 'hash' | 'modules'> = {
			id: pathwayDoc.meta.id,
			slug: pathwayDir.slug,
			position: pathwayDir.position,
			file: pathwayFile,
			title: pathwayDoc.meta.title,
			summary: pathwayDoc.meta.summary,
			level,
			outcomes: pathwayDoc.meta.outcomes,
			introHtml: render(input, pathwayFile, pathwayDoc.body, urls)
		};
		pathways.push({ ...pathway, hash: hashOf(pathway, undefined), modules });
	}

	for (const [path, bytes] of input.assets) {
		const type = IMAGE_TYPES[posix.extname(path).toLowerCase()];
		if (type && bytes.length > MAX_IMAGE_BYTES) {
			reportFor(path).error(
				0,
				`image is ${Math.round(bytes.length / 1024)} KB: keep images under ${MAX_IMAGE_BYTES / 1024} KB, learners download them over mobile data`
			);
		}
	}

	const diagnostics = sortDiagnostics([...reports.values()].flatMap((r) => r.diagnostics));
	return { pathways, diagnostics, lessonsByFile };
}

interface ParsedFile<T> {
	meta: T;
	body: string;
	bodyOffset: number;
	idOffset: number;
}

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/;

function readFile<T extends { id: string }>(
	input: ContentInput,
	file: string,
	schema: z.ZodType<T>,
	reportFor: (file: string) => FileReport
): ParsedFile<T> | undefined {
	const text = input.markdown.get(file);
	const report = reportFor(file);
	if (text === undefined) {
		report.error(
			0,
			`missing file: every ${file.endsWith('pathway.md') ? 'pathway folder needs a pathway.md' : 'module folder needs a module.md'}`
		);
		return undefined;
	}
	const match = FRONTMATTER.exec(text);
	if (!match) {
		report.error(
			0,
			'the file must start with frontmatter: a line "---", the fields (id, title, …), and another "---"'
		);
		return undefined;
	}
	const yamlOffset = text.indexOf('\n') + 1;
	const meta = parseYamlBlock(match[1] ?? '', yamlOffset, schema, report, 'frontmatter');
	if (!meta) return undefined;
	const idLine = (match[1] ?? '').search(/^id\s*:/m);
	return {
		meta,
		body: text.slice(match[0].length),
		bodyOffset: match[0].length,
		idOffset: yamlOffset + Math.max(0, idLine)
	};
}

function bodyContext(input: ContentInput, file: string, bodyOffset: number, report: FileReport) {
	return {
		file,
		bodyOffset,
		report,
		markdownExists: (path: string) => input.markdown.has(path),
		assetExists: (path: string) => input.assets.has(path)
	};
}

function render(
	input: ContentInput,
	file: string,
	body: string,
	urls: Map<string, string>
): string {
	return renderMarkdown(body, {
		link(href) {
			if (/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) return undefined;
			const anchor = href.includes('#') ? `#${href.split('#')[1]}` : '';
			const url = urls.get(resolveRelative(file, href));
			return url ? url + anchor : undefined;
		},
		image(src) {
			const path = resolveRelative(file, src);
			const bytes = input.assets.get(path);
			const type = IMAGE_TYPES[posix.extname(path).toLowerCase()];
			if (!bytes || !type) return undefined;
			return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
		}
	}).html;
}

/** The app URL of every pathway.md, module.md and lesson file. */
function contentUrls(files: string[]): Map<string, string> {
	const urls = new Map<string, string>();
	for (const file of files) {
		const parts = file.split('/');
		const slugs = parts.map((p) => NUMBERED.exec(p.replace(/\.md$/, ''))?.[2]);
		if (parts.length === 2 && parts[1] === 'pathway.md' && slugs[0]) {
			urls.set(file, pathwayUrl(slugs[0]));
		} else if (parts.length === 3 && parts[2] === 'module.md' && slugs[0] && slugs[1]) {
			urls.set(file, moduleUrl(slugs[0], slugs[1]));
		} else if (parts.length === 3 && slugs[0] && slugs[1] && slugs[2]) {
			urls.set(file, lessonUrl(slugs[0], slugs[1], slugs[2]));
		}
	}
	return urls;
}

interface LessonEntry {
	file: string;
	slug: string;
	position: number;
}
interface ModuleDir {
	dir: string;
	slug: string;
	position: number;
	lessons: LessonEntry[];
}
interface PathwayDir {
	dir: string;
	slug: string;
	position: number;
	modules: ModuleDir[];
}

/** Sorts the files into pathways, modules and lessons by their numbered folder and file names. */
function classify(files: string[], reportFor: (file: string) => FileReport): PathwayDir[] {
	const pathways = new Map<string, PathwayDir>();
	const pathwayOf = (dir: string): PathwayDir | undefined => {
		const match = NUMBERED.exec(dir);
		if (!match) return undefined;
		let entry = pathways.get(dir);
		if (!entry) {
			entry = { dir, slug: match[2] as string, position: Number(match[1]), modules: [] };
			pathways.set(dir, entry);
		}
		return entry;
	};
	const moduleOf = (pathway: PathwayDir, name: string): ModuleDir | undefined => {
		const match = NUMBERED.exec(name);
		if (!match) return undefined;
		const dir = `${pathway.dir}/${name}`;
		let entry = pathway.modules.find((m) => m.dir === dir);
		if (!entry) {
			entry = { dir, slug: match[2] as string, position: Number(match[1]), lessons: [] };
			pathway.modules.push(entry);
		}
		return entry;
	};
	const misplaced = (file: string, why: string) => reportFor(file).error(0, why);

	for (const file of [...files].sort()) {
		const parts = file.split('/');
		const [first, second, third] = parts;
		if (parts.length === 1) {
			if (file.toLowerCase() !== 'readme.md') {
				misplaced(
					file,
					'Markdown files go inside a numbered pathway folder, like content/01-digital-essentials/'
				);
			}
			continue;
		}
		const pathway = pathwayOf(first as string);
		if (!pathway) {
			misplaced(file, `pathway folder "${first}" must be numbered, like "01-${first}"`);
			continue;
		}
		if (parts.length === 2) {
			if (second !== 'pathway.md') {
				misplaced(
					file,
					'only pathway.md sits directly in a pathway folder; lessons go in numbered module folders'
				);
			}
			continue;
		}
		const module = moduleOf(pathway, second as string);
		if (!module || parts.length > 3) {
			misplaced(
				file,
				`module folder "${second}" must be numbered, like "01-${second}", and hold module.md and the lessons`
			);
			continue;
		}
		if (third === 'module.md') continue;
		const match = NUMBERED.exec((third as string).replace(/\.md$/, ''));
		if (!match) {
			misplaced(
				file,
				`lesson file "${third}" must be named with a number and lower-case words, like "01-${third}"`
			);
			continue;
		}
		module.lessons.push({ file, slug: match[2] as string, position: Number(match[1]) });
	}

	const byPosition = <T extends { position: number }>(list: T[]) =>
		list.sort((a, b) => a.position - b.position);
	const result = byPosition([...pathways.values()]);
	checkPositions(result, (p) => `${p.dir}/pathway.md`, 'pathways', reportFor);
	for (const pathway of result) {
		byPosition(pathway.modules);
		checkPositions(pathway.modules, (m) => `${m.dir}/module.md`, 'modules', reportFor);
		for (const module of pathway.modules) {
			byPosition(module.lessons);
			checkPositions(module.lessons, (l) => l.file, 'lessons', reportFor);
		}
	}
	return result;
}

function checkPositions<T extends { position: number; slug: string }>(
	list: T[],
	fileOf: (item: T) => string,
	what: string,
	reportFor: (file: string) => FileReport
): void {
	for (let i = 1; i < list.length; i++) {
		const item = list[i] as T;
		const previous = list[i - 1] as T;
		if (item.position === previous.position) {
			reportFor(fileOf(item)).error(
				0,
				`two ${what} are numbered ${item.position} ("${previous.slug}" and "${item.slug}"): give each its own number`
			);
		}
		if (
			item.slug === previous.slug ||
			list.some((other) => other !== item && other.slug === item.slug)
		) {
			reportFor(fileOf(item)).error(
				0,
				`two ${what} are called "${item.slug}": their web addresses would clash`
			);
			break;
		}
	}
}

function hashOf(value: object, parentId: string | undefined): string {
	const { file: _file, ...published } = value as { file?: string };
	return createHash('sha256')
		.update(JSON.stringify({ parentId: parentId ?? null, ...published }))
		.digest('hex');
}
