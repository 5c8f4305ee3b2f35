/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from catalog.pb.js.

function json(record, field) {
	const raw = record.getString(field);
	return raw ? JSON.parse(raw) : null;
}

/**
 * About how many bytes downloading the lesson costs: its HTML, quiz and exercises as the JSON
 * answer carries them (lib/json-answer.js: no escapes for <, > and &) plus the fields around them.
 */
function lessonBytes(record) {
	return bytesOf(
		record.getString('html'),
		record.getString('quiz') + record.getString('exercises')
	);
}

function bytesOf(html, quiz) {
	return html.length + quiz.length + 600;
}

/**
 * Which languages a lesson is translated into, each with its title and summary (for the lists),
 * its hash (what a phone compares with what it keeps) and the bytes its download costs; absent
 * when it has none.
 */
function translationSummaries(record) {
	const all = json(record, 'translations');
	if (!all) return undefined;
	const summaries = {};
	let any = false;
	for (const language in all) {
		const t = all[language];
		summaries[language] = {
			title: t.title,
			summary: t.summary,
			hash: t.hash,
			bytes: bytesOf(t.html || '', JSON.stringify(t.quiz) + JSON.stringify(t.exercises || []))
		};
		any = true;
	}
	return any ? summaries : undefined;
}

/**
 * A pathway's or module's words in `language` ({title, summary, and for a pathway its outcomes
 * and introHtml}), keyed by the language as a lesson's translations are; undefined when it has
 * none in that language, or none is asked for.
 */
function introTranslation(record, language, withIntro) {
	const t = language ? (json(record, 'translations') || {})[language] : undefined;
	if (!t) return undefined;
	const words = { title: t.title, summary: t.summary };
	if (withIntro) {
		words.outcomes = t.outcomes || [];
		words.introHtml = t.introHtml || '';
	}
	const keyed = {};
	keyed[language] = words;
	return keyed;
}

/**
 * The published tree, ordered by position, with lesson sizes, versions and pictures; each
 * pathway's and module's words in `language` too, where it has them ("" for English only).
 */
function catalog(dao, language) {
	const published = (kind) => dao.findRecordsByFilter(kind, 'published = true', 'position', 0, 0);
	const pathways = published('pathways');
	const modules = published('modules');
	const lessons = published('lessons');
	const seq = contentSeq(dao);
	return {
		seq,
		pathways: pathways.map((p) => {
			const pathwayModules = modules
				.filter((m) => m.getString('pathway') === p.id)
				.map((m) => {
					const moduleLessons = lessons
						.filter((l) => l.getString('module') === m.id)
						.map((l) => {
							const summary = {
								id: l.getString('content_id'),
								slug: l.getString('slug'),
								position: l.getInt('position'),
								title: l.getString('title'),
								summary: l.getString('summary'),
								minutes: l.getInt('minutes'),
								skills: json(l, 'skills') || [],
								// What "done" needs beyond the reading and quiz (lib/lesson-done.js).
								exercises: (json(l, 'exercises') || []).map((x) => x.id),
								// Their titles, in the same order: the tutor's pages name exercises by them.
								exerciseTitles: (json(l, 'exercises') || []).map((x) => x.title || x.id),
								hash: l.getString('hash'),
								version: l.getInt('version'),
								bytes: lessonBytes(l),
								media: json(l, 'media') || []
							};
							const translations = translationSummaries(l);
							if (translations) summary.translations = translations;
							return summary;
						});
					const module = {
						id: m.getString('content_id'),
						slug: m.getString('slug'),
						position: m.getInt('position'),
						title: m.getString('title'),
						summary: m.getString('summary'),
						lessons: moduleLessons
					};
					const translations = introTranslation(m, language, false);
					if (translations) module.translations = translations;
					return module;
				});
			const pathway = {
				id: p.getString('content_id'),
				slug: p.getString('slug'),
				position: p.getInt('position'),
				title: p.getString('title'),
				summary: p.getString('summary'),
				level: p.getString('level'),
				outcomes: json(p, 'outcomes') || [],
				introHtml: p.getString('intro_html'),
				modules: pathwayModules
			};
			const translations = introTranslation(p, language, true);
			if (translations) pathway.translations = translations;
			return pathway;
		})
	};
}

/** The seq of the latest publish that changed anything (unpublishing included). */
function contentSeq(dao) {
	let seq = 0;
	for (const kind of ['pathways', 'modules', 'lessons', 'media']) {
		const top = dao.findRecordsByFilter(kind, 'seq > 0', '-seq', 1, 0);
		if (top.length) seq = Math.max(seq, top[0].getInt('seq'));
	}
	return seq;
}

/**
 * Whole published lessons by content id, with their pathway and module content ids; in
 * `language` where the lesson has it (`lang` says which language each one is in, "en" else).
 * What the phone reads a lesson by and no more: its slug, position, summary, version, level and
 * outcomes are the catalog's to give (the phone never reads them from a stored lesson), 1 KB
 * less brotli for Digital Essentials.
 */
function lessons(dao, ids, language) {
	const params = {};
	const clauses = ids.map((id, i) => {
		params['id' + i] = id;
		return `content_id = {:id${i}}`;
	});
	const records = dao.findRecordsByFilter(
		'lessons',
		`published = true && (${clauses.join(' || ')})`,
		'position',
		0,
		0,
		params
	);
	return records.map((l) => {
		dao.expandRecord(l, ['module', 'pathway'], null);
		const module = l.expandedOne('module');
		const pathway = l.expandedOne('pathway');
		const translation = language ? (json(l, 'translations') || {})[language] : undefined;
		const lesson = {
			id: l.getString('content_id'),
			pathway: pathway ? pathway.getString('content_id') : '',
			module: module ? module.getString('content_id') : '',
			title: l.getString('title'),
			minutes: l.getInt('minutes'),
			html: l.getString('html'),
			quiz: json(l, 'quiz'),
			exercises: json(l, 'exercises') || [],
			media: json(l, 'media') || [],
			hash: l.getString('hash'),
			lang: 'en'
		};
		if (!translation) return lesson;
		for (const key of ['title', 'html', 'quiz', 'hash']) {
			lesson[key] = translation[key];
		}
		lesson.exercises = translation.exercises || [];
		lesson.media = translation.media || [];
		lesson.lang = language;
		return lesson;
	});
}

/** Published pictures by hash: {hash, type, data}, each once (a hash names one picture). */
function media(dao, hashes) {
	const params = {};
	const clauses = hashes.map((hash, i) => {
		params['h' + i] = hash;
		return `hash = {:h${i}}`;
	});
	const records = dao.findRecordsByFilter(
		'media',
		`published = true && (${clauses.join(' || ')})`,
		'',
		0,
		0,
		params
	);
	const seen = {};
	const found = [];
	for (const record of records) {
		const hash = record.getString('hash');
		if (seen[hash]) continue;
		seen[hash] = true;
		found.push({ hash, type: record.getString('type'), data: record.getString('data') });
	}
	return found;
}

module.exports = { catalog, lessons, media, contentSeq };
