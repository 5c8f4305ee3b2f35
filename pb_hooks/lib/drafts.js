/// <reference path="../../pb_data/types.d.ts" />
// Loaded with require() from drafts.pb.js. Plain ES2015+ for PocketBase's goja engine.

// A whole content file: the publish route's limits for a lesson's frontmatter and body.
const MAX_TEXT = 420000;

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
	if (typeof file !== 'string' || !draftFile(file)) {
		return '"file" must be the path of a pathway, module, lesson or translation file in content/, like 01-name/02-name/03-name.md or 01-name/02-name/03-name.pl.md.';
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

module.exports = { draftProblem, saveDraft, MAX_TEXT };
