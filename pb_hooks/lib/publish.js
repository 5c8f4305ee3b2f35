/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from content.pb.js. Plain ES2015+ for PocketBase's goja engine: no
// async, no npm packages.

const DRY_RUN = 'clyde: dry run, rolling back';
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const { checkLessonHtml } = require(`${__hooks}/lib/lesson-html.js`);

// Where each kind's file sits in content/: "01-de/pathway.md", "01-de/02-safe/module.md",
// "01-de/02-safe/03-scams.md". content:export writes files at these paths.
const NUMBERED = '[0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*';
const FILE = {
	pathways: new RegExp(`^(${NUMBERED})/pathway\\.md$`),
	modules: new RegExp(`^(${NUMBERED}/${NUMBERED})/module\\.md$`),
	lessons: new RegExp(`^(${NUMBERED}/${NUMBERED})/${NUMBERED}\\.md$`),
	// A lesson's translation: "01-de/02-safe/03-scams.pl.md" (a draft; published inside its lesson).
	translations: new RegExp(
		`^(${NUMBERED}/${NUMBERED})/${NUMBERED}\\.[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\\.md$`
	)
};
// A BCP 47 language code: "pl", "ar", "zh-Hans".
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;
// The shape of an Essential Digital Skills code; which codes exist is content:check's business.
const SKILL_CODE = /^[A-Z]{2,8}-[A-Z]?[0-9]{1,3}$/;

/** Whether `file` is a path a draft may have: a pathway, module, lesson or translation file. */
function draftFile(file) {
	return ['pathways', 'modules', 'lessons', 'translations'].some((kind) => FILE[kind].test(file));
}

/**
 * Returns a message naming the first malformed fields of a publish payload, or "". `sha256`
 * hashes a picture's data ($security.sha256 here; node's crypto in its spec).
 */
function validatePayload(data, sha256) {
	const media = require(`${__hooks}/lib/media.js`);
	if (!data || typeof data !== 'object' || !Array.isArray(data.pathways)) {
		return 'The body must be JSON: {"pathways": [...], "dryRun": false}.';
	}
	if (data.dryRun !== undefined && typeof data.dryRun !== 'boolean')
		return '"dryRun" must be true or false.';
	const carried = data.drafts;
	if (
		carried !== undefined &&
		(!Array.isArray(carried) ||
			carried.length > 5000 ||
			carried.some(
				(d) =>
					!d ||
					typeof d.file !== 'string' ||
					!draftFile(d.file) ||
					typeof d.version !== 'number' ||
					Math.floor(d.version) !== d.version ||
					d.version < 1
			))
	) {
		return '"drafts" must list the drafts this publish carries out: [{"file": "01-name/02-name/03-name.md", "version": 1}].';
	}
	const seen = {};
	const problems = [];
	const text = (path, value, max, optional) => {
		if (optional && (value === undefined || value === '')) return;
		if (typeof value !== 'string' || (!optional && value.trim() === '') || value.length > max) {
			problems.push(`${path} must be text of 1 to ${max} characters.`);
		}
	};
	const int = (path, value, min, max) => {
		if (typeof value !== 'number' || Math.floor(value) !== value || value < min || value > max) {
			problems.push(`${path} must be a whole number from ${min} to ${max}.`);
		}
	};
	// HTML is checked against the allow-list the publisher's sanitiser uses (lesson-html.js):
	// whatever a client sends, nothing else is stored.
	const html = (path, value) => {
		const problem = typeof value === 'string' ? checkLessonHtml(value) : '';
		if (problem) {
			problems.push(
				`${path} is not HTML that Clyde publishes: ${problem}. Publish with npm run content:publish, which renders and cleans it.`
			);
		}
	};
	// Exercises are data the app shows as text and runs in its sandboxed runner; their
	// instructions are lesson HTML. content:check validated each fully; this keeps the shape.
	const FILES = ['index.html', 'style.css', 'script.js'];
	const filesOk = (files) =>
		files !== null &&
		typeof files === 'object' &&
		Object.keys(files).every((name) => FILES.indexOf(name) >= 0 && typeof files[name] === 'string');
	const exercises = (lp, list) => {
		if (list === undefined) return;
		if (!Array.isArray(list) || list.length > 20) {
			return problems.push(`${lp}.exercises must be a list of up to 20 exercises.`);
		}
		list.forEach((exercise, e) => {
			const ep = `${lp}.exercises[${e}]`;
			if (!exercise || typeof exercise !== 'object')
				return problems.push(`${ep} must be an object.`);
			if (typeof exercise.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(exercise.id))
				problems.push(`${ep}.id must be lower-case letters, numbers and hyphens.`);
			text(`${ep}.title`, exercise.title, 80);
			text(`${ep}.instructionsHtml`, exercise.instructionsHtml, 20000);
			html(`${ep}.instructionsHtml`, exercise.instructionsHtml);
			if (!filesOk(exercise.starter) || !filesOk(exercise.solution))
				problems.push(`${ep}.starter and .solution must map ${FILES.join(', ')} to text.`);
			if (!Array.isArray(exercise.checks) || exercise.checks.length < 1)
				problems.push(`${ep}.checks must be a list of checks.`);
			else if (
				exercise.checks.some(
					(c) => !c || typeof c.type !== 'string' || typeof c.message !== 'string'
				)
			)
				problems.push(`${ep}.checks must each have a type and a message.`);
			if (!Array.isArray(exercise.hints) || exercise.hints.some((h) => typeof h !== 'string'))
				problems.push(`${ep}.hints must be a list of text.`);
		});
	};
	// A lesson's translations ("01-passwords.pl.md") are checked as the lesson is, and keep its
	// quiz's answers; which languages exist is content:check's business (the interface's).
	const translations = (lp, lesson, pictures) => {
		const all = lesson.translations;
		if (all === undefined) return;
		if (!all || typeof all !== 'object' || Array.isArray(all)) {
			return problems.push(`${lp}.translations must map language codes to translations.`);
		}
		for (const language in all) {
			const tp = `${lp}.translations.${language}`;
			const item = all[language];
			if (!LANGUAGE.test(language) || language === 'en') {
				problems.push(`${tp}: "${language}" is not a language code like "pl".`);
				continue;
			}
			if (!item || typeof item !== 'object') {
				problems.push(`${tp} must be an object.`);
				continue;
			}
			if (
				typeof lesson.file !== 'string' ||
				item.file !== lesson.file.replace(/\.md$/, `.${language}.md`)
			) {
				problems.push(`${tp}.file must be the lesson's file with ".${language}" before ".md".`);
			}
			text(`${tp}.title`, item.title, 80);
			text(`${tp}.summary`, item.summary, 200);
			text(`${tp}.status`, item.status, 200);
			text(`${tp}.hash`, item.hash, 64);
			if (!Array.isArray(item.outcomes) || item.outcomes.some((o) => typeof o !== 'string')) {
				problems.push(`${tp}.outcomes must be a list of text.`);
			}
			source(tp, item);
			text(`${tp}.html`, item.html, 2000000, true);
			html(`${tp}.html`, item.html);
			if (
				!Array.isArray(item.media) ||
				item.media.some((hash) => typeof hash !== 'string' || !pictures[hash])
			) {
				problems.push(`${tp}.media must list hashes of its pathway's media.`);
			} else if (typeof item.html === 'string') {
				const stray = media.placedHashes(item.html).filter((h) => item.media.indexOf(h) < 0);
				if (stray.length)
					problems.push(`${tp}.html places a picture not in its media: ${stray[0]}.`);
			}
			const answers = quizAnswers(lesson.quiz);
			if (
				item.quiz !== null &&
				(typeof item.quiz !== 'object' || !Array.isArray(item.quiz.questions))
			) {
				problems.push(`${tp}.quiz must be null or a quiz with "questions".`);
			} else if (answers !== quizAnswers(item.quiz)) {
				problems.push(
					`${tp}.quiz must keep the lesson's questions, their kinds and their answers.`
				);
			}
			exercises(tp, item.exercises);
		}
	};
	// A pathway.md's or module.md's translations ("pathway.pl.md"): their words, checked as the
	// original's are, with as many outcomes.
	const introTranslations = (path, item) => {
		const all = item.translations;
		if (all === undefined) return;
		if (!all || typeof all !== 'object' || Array.isArray(all)) {
			return problems.push(`${path}.translations must map language codes to translations.`);
		}
		for (const language in all) {
			const tp = `${path}.translations.${language}`;
			const t = all[language];
			if (!LANGUAGE.test(language) || language === 'en') {
				problems.push(`${tp}: "${language}" is not a language code like "pl".`);
				continue;
			}
			if (!t || typeof t !== 'object') {
				problems.push(`${tp} must be an object.`);
				continue;
			}
			if (typeof item.file !== 'string' || t.file !== item.file.replace(/\.md$/, `.${language}.md`))
				problems.push(`${tp}.file must be the original's file with ".${language}" before ".md".`);
			text(`${tp}.title`, t.title, 80);
			text(`${tp}.summary`, t.summary, 200);
			text(`${tp}.status`, t.status, 200);
			if (
				!Array.isArray(t.outcomes) ||
				t.outcomes.some((o) => typeof o !== 'string') ||
				!Array.isArray(item.outcomes) ||
				t.outcomes.length !== item.outcomes.length
			)
				problems.push(`${tp}.outcomes must be a list of text, as many as the original's.`);
			source(tp, t);
			text(`${tp}.introHtml`, t.introHtml, 200000, true);
			html(`${tp}.introHtml`, t.introHtml);
			introPictures(`${tp}.introHtml`, t.introHtml);
		}
	};
	// Pictures go in lessons: a pathway's or module's page shows text only.
	const introPictures = (path, value) => {
		if (typeof value === 'string' && media.placedHashes(value).length) {
			problems.push(`${path} places a picture: pictures go in lessons only.`);
		}
	};
	// The file's path sits inside its parent's folder, so that an export writes a content/ tree.
	const file = (path, kind, value, parent) => {
		const match = typeof value === 'string' ? FILE[kind].exec(value) : null;
		if (
			!match ||
			(parent !== undefined && match[1] !== parent && !match[1].startsWith(`${parent}/`))
		) {
			problems.push(
				`${path}.file must be the path of its ${kind.slice(0, -1)} file in content/, like ${kind === 'pathways' ? '01-name/pathway.md' : kind === 'modules' ? '01-name/02-name/module.md' : '01-name/02-name/03-name.md'}.`
			);
		}
		return match ? match[1] : '';
	};
	const source = (path, item) => {
		text(`${path}.head`, item.head, 20000, true);
		text(`${path}.source`, item.source, 400000, true);
	};
	const common = (path, item) => {
		if (!item || typeof item !== 'object') {
			problems.push(`${path} must be an object.`);
			return false;
		}
		text(`${path}.id`, item.id, 60);
		if (typeof item.id === 'string') {
			if (seen[item.id]) problems.push(`${path}.id "${item.id}" is used twice.`);
			seen[item.id] = true;
		}
		text(`${path}.slug`, item.slug, 80);
		text(`${path}.title`, item.title, 80);
		text(`${path}.summary`, item.summary, 200);
		text(`${path}.hash`, item.hash, 64);
		int(`${path}.position`, item.position, 0, 100000);
		if (!Array.isArray(item.outcomes) || item.outcomes.some((o) => typeof o !== 'string')) {
			problems.push(`${path}.outcomes must be a list of text.`);
		}
		return true;
	};
	data.pathways.forEach((pathway, p) => {
		const pp = `pathways[${p}]`;
		if (!common(pp, pathway)) return;
		if (LEVELS.indexOf(pathway.level) < 0)
			problems.push(`${pp}.level must be one of ${LEVELS.join(', ')}.`);
		text(`${pp}.introHtml`, pathway.introHtml, 200000, true);
		html(`${pp}.introHtml`, pathway.introHtml);
		introPictures(`${pp}.introHtml`, pathway.introHtml);
		source(pp, pathway);
		introTranslations(pp, pathway);
		const pathwayDir = file(pp, 'pathways', pathway.file);
		if (!Array.isArray(pathway.media)) return problems.push(`${pp}.media must be a list.`);
		const pictures = {};
		pathway.media.forEach((item, i) => {
			const problem = media.mediaProblem(item, sha256);
			if (problem) problems.push(`${pp}.media[${i}]: ${problem}.`);
			else pictures[item.hash] = true;
		});
		if (!Array.isArray(pathway.modules)) return problems.push(`${pp}.modules must be a list.`);
		pathway.modules.forEach((module, m) => {
			const mp = `${pp}.modules[${m}]`;
			if (!common(mp, module)) return;
			text(`${mp}.introHtml`, module.introHtml, 200000, true);
			html(`${mp}.introHtml`, module.introHtml);
			introPictures(`${mp}.introHtml`, module.introHtml);
			source(mp, module);
			introTranslations(mp, module);
			const moduleDir = file(mp, 'modules', module.file, pathwayDir);
			if (!Array.isArray(module.lessons)) return problems.push(`${mp}.lessons must be a list.`);
			module.lessons.forEach((lesson, l) => {
				const lp = `${mp}.lessons[${l}]`;
				if (!common(lp, lesson)) return;
				int(`${lp}.minutes`, lesson.minutes, 1, 120);
				if (LEVELS.indexOf(lesson.level) < 0)
					problems.push(`${lp}.level must be one of ${LEVELS.join(', ')}.`);
				source(lp, lesson);
				file(lp, 'lessons', lesson.file, moduleDir);
				text(`${lp}.html`, lesson.html, 2000000, true);
				html(`${lp}.html`, lesson.html);
				const skills = lesson.skills;
				if (
					skills !== undefined &&
					(!Array.isArray(skills) ||
						skills.length > 50 ||
						skills.some((code) => typeof code !== 'string' || !SKILL_CODE.test(code)))
				) {
					problems.push(`${lp}.skills must be a list of up to 50 codes like "COM-L1".`);
				}
				// A lesson's pictures are its pathway's, and its HTML places no other.
				if (
					!Array.isArray(lesson.media) ||
					lesson.media.some((hash) => typeof hash !== 'string' || !pictures[hash])
				) {
					problems.push(`${lp}.media must list hashes of ${pp}.media.`);
				} else if (typeof lesson.html === 'string') {
					const stray = media.placedHashes(lesson.html).filter((h) => lesson.media.indexOf(h) < 0);
					if (stray.length)
						problems.push(`${lp}.html places a picture not in its media: ${stray[0]}.`);
				}
				if (
					lesson.quiz !== null &&
					(typeof lesson.quiz !== 'object' || !Array.isArray(lesson.quiz.questions))
				) {
					problems.push(`${lp}.quiz must be null or a quiz with "questions".`);
				}
				exercises(lp, lesson.exercises);
				translations(lp, lesson, pictures);
			});
		});
	});
	return problems.length ? problems.slice(0, 5).join(' ') : '';
}

/**
 * What of a quiz is not words: its pass mark, each question's kind and answer (the right
 * options, true or false, how many items to order). A translation's must be its lesson's.
 */
function quizAnswers(quiz) {
	if (!quiz || typeof quiz !== 'object' || !Array.isArray(quiz.questions)) return 'none';
	return JSON.stringify([
		quiz.passPercent,
		quiz.questions.map((q) => {
			if (!q || typeof q !== 'object') return null;
			if (Array.isArray(q.options)) return [q.type, q.options.map((o) => !!(o && o.correct))];
			if (q.type === 'true-false') return [q.type, q.answer];
			if (Array.isArray(q.items)) return [q.type, q.items.length];
			return [q.type];
		})
	]);
}

/**
 * Upserts the whole set in one transaction; returns the changes made (or that would be). A
 * real publish is recorded in `publishes` in the same transaction, by `author` ({id, name}),
 * with the id of the publish it restores, if it does.
 */
function publish(app, data, author, restoredFrom) {
	const dryRun = data.dryRun === true;
	const result = { dryRun, seq: 0, changes: [] };
	let failure = '';
	try {
		app.dao().runInTransaction((tx) => {
			const seq = nextSeq(tx);
			result.seq = seq;
			const keep = { pathways: {}, modules: {}, lessons: {}, media: {} };
			const write = (kind, item, fields) => {
				keep[kind][item.id] = true;
				try {
					return upsert(app, tx, kind, item, fields, seq, result.changes);
				} catch (e) {
					failure = `${kind} "${item.id}": ${describe(e)}`;
					throw e;
				}
			};
			for (const pathway of data.pathways) {
				const pathwayRecord = write('pathways', pathway, {
					level: pathway.level,
					intro_html: pathway.introHtml || '',
					source: pathway.source || '',
					translations: pathway.translations || {}
				});
				const refs = {};
				for (const item of pathway.media) {
					let record;
					try {
						record = writeMedia(app, tx, pathwayRecord, item, seq, result.changes);
					} catch (e) {
						failure = `media "${mediaId(item.hash)}": ${describe(e)}`;
						throw e;
					}
					keep.media[record.id] = true;
					refs[item.hash] = { hash: item.hash, type: item.type, bytes: record.getInt('bytes') };
				}
				for (const module of pathway.modules) {
					const moduleRecord = write('modules', module, {
						pathway: pathwayRecord.id,
						intro_html: module.introHtml || '',
						source: module.source || '',
						translations: module.translations || {}
					});
					for (const lesson of module.lessons) {
						write('lessons', lesson, {
							pathway: pathwayRecord.id,
							module: moduleRecord.id,
							minutes: lesson.minutes,
							level: lesson.level,
							skills: lesson.skills || [],
							source: lesson.source || '',
							html: lesson.html || '',
							quiz: lesson.quiz,
							exercises: lesson.exercises || [],
							media: lesson.media.map((hash) => refs[hash]),
							translations: storedTranslations(lesson.translations, refs)
						});
					}
				}
			}
			for (const kind of ['lessons', 'modules', 'pathways']) {
				for (const record of tx.findRecordsByFilter(kind, 'published = true', '', 0, 0)) {
					const id = record.getString('content_id');
					if (keep[kind][id]) continue;
					record.set('published', false);
					record.set('seq', seq);
					tx.saveRecord(record);
					result.changes.push({
						kind,
						id,
						change: 'unpublished',
						version: record.getInt('version')
					});
				}
			}
			for (const record of tx.findRecordsByFilter('media', 'published = true', '', 0, 0)) {
				if (keep.media[record.id]) continue;
				record.set('published', false);
				record.set('seq', seq);
				tx.saveRecord(record);
				result.changes.push({
					kind: 'media',
					id: mediaId(record.getString('hash')),
					change: 'unpublished',
					version: 1
				});
			}
			if (dryRun) throw new Error(DRY_RUN);
			try {
				result.publish = record(app, tx, data, result, author, restoredFrom);
			} catch (e) {
				failure = `the record of this publish: ${describe(e)}`;
				throw e;
			}
			result.draftsCleared = clearPublishedDrafts(tx, data);
		});
	} catch (e) {
		if (!(dryRun && String(e).indexOf(DRY_RUN) >= 0)) {
			throw new BadRequestError(`Nothing was published. ${failure || describe(e)}`);
		}
	}
	return result;
}

/** A lesson's translations as stored: each picture named by its ref ({hash, type, bytes}), as the lesson's are. */
function storedTranslations(translations, refs) {
	const stored = {};
	for (const language in translations || {}) {
		const copy = {};
		for (const key in translations[language]) copy[key] = translations[language][key];
		copy.media = copy.media.map((hash) => refs[hash]);
		stored[language] = copy;
	}
	return stored;
}

/**
 * Deletes the drafts this publish carried out: those the editor listed in `drafts` at the
 * version it published (additions, changes, moves and removals alike), and those whose text
 * is now what is published (a file's text is its head and source; a picture's, its data;
 * content:publish lists none). The editor's tree then shows no stale drafts. A draft saved
 * since, at a newer version, or of a file the publish did not carry, is kept: versions, not
 * last-write-wins.
 */
function clearPublishedDrafts(tx, data) {
	const carried = {};
	for (const draft of data.drafts || []) carried[draft.file] = draft.version;
	const texts = {};
	for (const pathway of data.pathways) {
		texts[pathway.file] = (pathway.head || '') + (pathway.source || '');
		for (const module of pathway.modules) {
			texts[module.file] = (module.head || '') + (module.source || '');
			for (const lesson of module.lessons) {
				texts[lesson.file] = (lesson.head || '') + (lesson.source || '');
			}
		}
	}
	// A picture draft (lib/drafts.js) holds its data as published: cleared once it is.
	const pictures = {};
	for (const pathway of data.pathways) {
		for (const item of pathway.media) pictures[item.data] = true;
	}
	const { PICTURE } = require(`${__hooks}/lib/drafts.js`);
	let cleared = 0;
	for (const draft of tx.findRecordsByFilter('drafts', "id != ''", '', 0, 0)) {
		const file = draft.getString('file');
		const text = draft.getString('text');
		const done =
			carried[file] === draft.getInt('version') ||
			(PICTURE.test(file) ? pictures[text] === true : texts[file] === text);
		if (!done) continue;
		tx.deleteRecord(draft);
		cleared++;
	}
	return cleared;
}

/** The publish in `publishes`: its snapshot names pictures by hash (they are never deleted). */
function record(app, tx, data, result, author, restoredFrom) {
	const snapshot = data.pathways.map((pathway) => {
		const copy = {};
		for (const key in pathway) copy[key] = pathway[key];
		copy.media = pathway.media.map((item) => ({ hash: item.hash, type: item.type }));
		return copy;
	});
	const entry = new Record(tx.findCollectionByNameOrId('publishes'));
	const form = new RecordUpsertForm(app, entry);
	form.setDao(tx);
	form.loadData({
		seq: result.seq,
		author: (author && author.id) || '',
		author_name: (author && author.name) || '',
		changes: result.changes.filter((c) => c.change !== 'unchanged'),
		snapshot: { pathways: snapshot },
		restored_from: restoredFrom || ''
	});
	form.submit();
	return entry.id;
}

/**
 * The publish payload of an earlier publish, its pictures' data read back from `media` by
 * hash; or a message saying why it cannot be.
 */
function restorePayload(app, publishId) {
	const found = app
		.dao()
		.findRecordsByFilter('publishes', 'id = {:id}', '', 1, 0, { id: String(publishId || '') });
	if (!found.length) return { problem: 'There is no such publish to restore.' };
	const snapshot = JSON.parse(found[0].getString('snapshot'));
	const pathways = [];
	for (const pathway of snapshot.pathways) {
		const media = [];
		for (const item of pathway.media) {
			const stored = app
				.dao()
				.findRecordsByFilter('media', 'hash = {:hash}', '', 1, 0, { hash: item.hash });
			if (!stored.length) return { problem: `The picture ${mediaId(item.hash)} is missing.` };
			media.push({ hash: item.hash, type: item.type, data: stored[0].getString('data') });
		}
		const copy = {};
		for (const key in pathway) copy[key] = pathway[key];
		copy.media = media;
		pathways.push(copy);
	}
	return { payload: { pathways, dryRun: false } };
}

function nextSeq(tx) {
	let max = 0;
	for (const kind of ['pathways', 'modules', 'lessons', 'media']) {
		const top = tx.findRecordsByFilter(kind, 'seq > 0', '-seq', 1, 0);
		if (top.length) max = Math.max(max, top[0].getInt('seq'));
	}
	return max + 1;
}

function upsert(app, tx, kind, item, fields, seq, changes) {
	// find… throws when there is no such record; an empty list is the quiet way to ask.
	const found = tx.findRecordsByFilter(kind, 'content_id = {:id}', '', 1, 0, { id: item.id });
	let record = found.length ? found[0] : null;
	const wasPublished = record ? record.getBool('published') : false;
	if (record && record.getString('hash') === item.hash) {
		if (wasPublished) {
			changes.push({ kind, id: item.id, change: 'unchanged', version: record.getInt('version') });
			return record;
		}
		record.set('published', true);
		record.set('seq', seq);
		tx.saveRecord(record);
		changes.push({ kind, id: item.id, change: 'republished', version: record.getInt('version') });
		return record;
	}
	const isNew = !record;
	if (isNew) record = new Record(tx.findCollectionByNameOrId(kind));
	const version = isNew ? 1 : record.getInt('version') + 1;
	// RecordUpsertForm validates against the schema; dao.saveRecord alone would not.
	const form = new RecordUpsertForm(app, record);
	form.setDao(tx);
	const values = {
		content_id: item.id,
		slug: item.slug,
		position: item.position,
		title: item.title,
		summary: item.summary,
		outcomes: item.outcomes,
		hash: item.hash,
		file: item.file,
		head: item.head || '',
		version,
		seq,
		published: true
	};
	for (const key in fields) values[key] = fields[key];
	form.loadData(values);
	form.submit();
	changes.push({ kind, id: item.id, change: isNew ? 'created' : 'updated', version });
	return record;
}

/**
 * Stores a picture of a pathway once: content-addressed, so the same hash is the same
 * picture and is never rewritten; only whether it is published changes.
 */
function writeMedia(app, tx, pathwayRecord, item, seq, changes) {
	const { mediaBytes } = require(`${__hooks}/lib/media.js`);
	const id = mediaId(item.hash);
	const found = tx.findRecordsByFilter(
		'media',
		'pathway = {:pathway} && hash = {:hash}',
		'',
		1,
		0,
		{
			pathway: pathwayRecord.id,
			hash: item.hash
		}
	);
	const existing = found.length ? found[0] : null;
	if (existing && existing.getBool('published')) {
		changes.push({ kind: 'media', id, change: 'unchanged', version: 1 });
		return existing;
	}
	if (existing) {
		existing.set('published', true);
		existing.set('seq', seq);
		tx.saveRecord(existing);
		changes.push({ kind: 'media', id, change: 'republished', version: 1 });
		return existing;
	}
	const record = new Record(tx.findCollectionByNameOrId('media'));
	const form = new RecordUpsertForm(app, record);
	form.setDao(tx);
	form.loadData({
		hash: item.hash,
		pathway: pathwayRecord.id,
		type: item.type,
		data: item.data,
		bytes: mediaBytes(item.data),
		published: true,
		seq
	});
	form.submit();
	changes.push({ kind: 'media', id, change: 'created', version: 1 });
	return record;
}

/** A picture's name in a publish's list of changes: the start of its hash, as git shows one. */
function mediaId(hash) {
	return hash.slice(0, 12);
}

function describe(e) {
	const message = e && e.message ? e.message : String(e);
	return message.replace(/^GoError: /, '');
}

module.exports = { validatePayload, publish, restorePayload, FILE, draftFile };
