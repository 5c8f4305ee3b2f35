/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from drafts.pb.js. Plain ES2015+ for PocketBase's goja engine.

// A whole content file: the publish route's limits for a lesson's frontmatter and body.
const MAX_TEXT = 420000;
// A picture the browser editor inserts, kept as a draft of its file until it is published:
// `images/<name>.<ext>` in a module's folder, a raster in base64 or an SVG's text. The editor
// makes rasters under content:check's size warning (100 KB); an SVG's limit there is gzipped
// (12 KB), which the editor measures and goja cannot, so the server bounds its text.
const PICTURE =
	/^([0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*\/[0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*)\/images\/[a-z0-9]+(?:-[a-z0-9]+)*\.(webp|jpg|png|svg)$/;
const PICTURE_TYPES = { webp: 'webp', jpg: 'jpeg', png: 'png', svg: 'svg' };
const MAX_RASTER_BYTES = 100 * 1024;
const MAX_SVG_CHARS = 100 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Returns a message naming what is wrong with a draft save's body, or "". The same file
 * names and sizes as the publish route (publish.js); the Markdown itself is checked by the
 * editor as it is typed and again, rendered and verified, when it is published.
 */
function draftProblem(data) {
	const { draftFile } = require(`${__hooks}/lib/publish.js`);
	if (!data || typeof data !== 'object') {
		return 'The body must be JSON: {"file": "...", "text": "...", "baseVersion": 0}.';
	}
	const file = data.file;
	const picture = typeof file === 'string' ? PICTURE.exec(file) : null;
	if (typeof file !== 'string' || !(picture || draftFile(file))) {
		return '"file" must be the path of a pathway, module, lesson or translation file in content/, like 01-name/02-name/03-name.md or 01-name/02-name/03-name.pl.md, or of a picture, like 01-name/02-name/images/name.webp.';
	}
	if (picture && typeof data.text === 'string' && data.text !== '') {
		const problem = pictureProblem(PICTURE_TYPES[picture[2]], data.text);
		if (problem) return problem;
	}
	if (typeof data.text !== 'string' || data.text.length > MAX_TEXT) {
		return `"text" must be text of up to ${MAX_TEXT} characters.`;
	}
	if (data.text.indexOf('\u0000') >= 0) return '"text" must not hold a NUL character.';
	const base = data.baseVersion;
	if (typeof base !== 'number' || Math.floor(base) !== base || base < 0) {
		return '"baseVersion" must be the version the text was based on: 0 for a new draft.';
	}
	return '';
}

/**
 * Why a picture draft's text is not a picture of its file's type within the editor's limits
 * (the same signatures and SVG contract as the publish route, lib/media.js), or "".
 */
function pictureProblem(type, text) {
	const { MEDIA } = require(`${__hooks}/lib/allow-list.json`);
	if (type === 'svg') {
		if (text.length > MAX_SVG_CHARS) {
			return `"text" is a drawing of ${text.length} characters: the most is ${MAX_SVG_CHARS}.`;
		}
		const { checkSvg } = require(`${__hooks}/lib/svg-contract.js`);
		const problems = checkSvg(text, { published: true });
		if (problems.length) {
			return `the SVG breaks the picture rules at character ${problems[0].offset}: ${problems[0].message}.`;
		}
		return '';
	}
	if (!BASE64.test(text) || text.indexOf(MEDIA.types[type].base64Start) !== 0) {
		return `"text" must be a ${type} picture in base64, as its file name says.`;
	}
	const bytes = (text.length / 4) * 3 - (text.match(/=*$/)[0] || '').length;
	if (text.length % 4 !== 0 || bytes > MAX_RASTER_BYTES) {
		return `"text" must be a picture of up to ${MAX_RASTER_BYTES / 1024} KB: this one is ${Math.ceil(bytes / 1024)} KB.`;
	}
	return '';
}

/**
 * Saves a draft if it is based on the draft's current version (0: there is none yet), in one
 * transaction. A save of the text already stored is an answer to a retry: it succeeds
 * whatever its base. Any other save on an old base is refused: the current draft is
 * answered, and the refused text is kept in draft_conflicts. Never last-write-wins.
 */
function saveDraft(app, data, author) {
	let answer = null;
	app.dao().runInTransaction((tx) => {
		const found = tx.findRecordsByFilter('drafts', 'file = {:file}', '', 1, 0, {
			file: data.file
		});
		const current = found.length ? found[0] : null;
		const version = current ? current.getInt('version') : 0;
		if (current && current.getString('text') === data.text) {
			answer = { status: 200, body: { file: data.file, version } };
			return;
		}
		if (data.baseVersion !== version) {
			const conflict = new Record(tx.findCollectionByNameOrId('draft_conflicts'));
			submit(app, tx, conflict, {
				file: data.file,
				text: data.text,
				base_version: data.baseVersion,
				lost_to_version: version,
				author: author.id,
				author_name: author.name
			});
			answer = {
				status: 409,
				body: {
					message: `Someone else saved ${data.file} since you opened it: your text is kept, compare and choose.`,
					file: data.file,
					conflict: conflict.id,
					yours: { text: data.text, baseVersion: data.baseVersion },
					theirs: current
						? {
								text: current.getString('text'),
								version,
								authorName: current.getString('author_name'),
								updated: current.getString('updated')
							}
						: { text: '', version: 0, authorName: '', updated: '' }
				}
			};
			return;
		}
		const record = current || new Record(tx.findCollectionByNameOrId('drafts'));
		submit(app, tx, record, {
			file: data.file,
			text: data.text,
			version: version + 1,
			author: author.id,
			author_name: author.name
		});
		answer = { status: 200, body: { file: data.file, version: version + 1 } };
	});
	return answer;
}

// RecordUpsertForm validates against the schema; dao.saveRecord alone would not.
function submit(app, tx, record, values) {
	const form = new RecordUpsertForm(app, record);
	form.setDao(tx);
	form.loadData(values);
	form.submit();
}

module.exports = { draftProblem, saveDraft, MAX_TEXT, PICTURE, MAX_RASTER_BYTES };
