/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from catalog.pb.js.

function json(record, field) {
	const raw = record.getString(field);
	return raw ? JSON.parse(raw) : null;
}

function lessonBytes(record) {
	return record.getString('html').length + record.getString('quiz').length;
}

/** The published tree, ordered by position, with lesson sizes and versions. */
function catalog(dao) {
	const published = (kind) => dao.findRecordsByFilter(kind, 'published = true', 'position', 0, 0);
	const pathways = published('pathways');
	const modules = published('modules');
	const lessons = published('lessons');
	let seq = 0;
	for (const record of [...pathways, ...modules, ...lessons]) {
		seq = Math.max(seq, record.getInt('seq'));
	}
	return {
		seq,
		pathways: pathways.map((p) => {
			const pathwayModules = modules
				.filter((m) => m.getString('pathway') === p.id)
				.map((m) => {
					const moduleLessons = lessons
						.filter((l) => l.getString('module') === m.id)
						.map((l) => ({
							id: l.getString('content_id'),
							slug: l.getString('slug'),
							position: l.getInt('position'),
							title: l.getString('title'),
							summary: l.getString('summary'),
							minutes: l.getInt('minutes'),
							hash: l.getString('hash'),
							version: l.getInt('version'),
							bytes: lessonBytes(l)
						}));
					return {
						id: m.getString('content_id'),
						slug: m.getString('slug'),
						position: m.getInt('position'),
						title: m.getString('title'),
						summary: m.getString('summary'),
						lessons: moduleLessons
					};
				});
			return {
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
		})
	};
}

/** Whole published lessons by content id, with their pathway and module content ids. */
function lessons(dao, ids) {
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
		return {
			id: l.getString('content_id'),
			pathway: pathway ? pathway.getString('content_id') : '',
			module: module ? module.getString('content_id') : '',
			slug: l.getString('slug'),
			position: l.getInt('position'),
			title: l.getString('title'),
			summary: l.getString('summary'),
			minutes: l.getInt('minutes'),
			level: l.getString('level'),
			outcomes: json(l, 'outcomes') || [],
			html: l.getString('html'),
			quiz: json(l, 'quiz'),
			hash: l.getString('hash'),
			version: l.getInt('version')
		};
	});
}

module.exports = { catalog, lessons };
