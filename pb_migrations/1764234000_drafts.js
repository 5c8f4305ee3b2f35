/// <reference path="../pb_data/types.d.ts" />

// Drafts of content files written in the browser editor (/editor), shared by all editors:
// one record per file in content/ (`file`, as publish and content:export name it), holding the
// whole file's text. `version` goes up by one on every save; a save names the version it was
// based on, and one based on an older version is refused, not applied over the other editor's
// words (pb_hooks/lib/drafts.js). The refused text is kept in `draft_conflicts` with the
// version it lost to, so that nothing an editor typed is lost even if their browser is gone.
// Only the drafts route writes either; editors (and admins) read them.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const rule = '@request.auth.role = "editor"';
		const text = (name, required, max) => ({
			name,
			type: 'text',
			required,
			options: { min: null, max, pattern: '' }
		});
		const number = (name, required) => ({
			name,
			type: 'number',
			required,
			options: { min: 0, max: null, noDecimal: true }
		});
		const author = {
			name: 'author',
			type: 'relation',
			required: false,
			options: { collectionId: users.id, cascadeDelete: false, maxSelect: 1 }
		};
		// pb_hooks/lib/drafts.js (MAX_TEXT) is the limit the route enforces.
		const maxText = 420000;
		dao.saveCollection(
			new Collection({
				name: 'drafts',
				type: 'base',
				schema: [
					text('file', true, 300),
					text('text', false, maxText),
					number('version', true),
					author,
					text('author_name', false, 120)
				],
				indexes: ['CREATE UNIQUE INDEX idx_drafts_file ON drafts (file)'],
				listRule: rule,
				viewRule: rule,
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
		dao.saveCollection(
			new Collection({
				name: 'draft_conflicts',
				type: 'base',
				schema: [
					text('file', true, 300),
					text('text', false, maxText),
					number('base_version', false),
					number('lost_to_version', true),
					author,
					text('author_name', false, 120)
				],
				indexes: ['CREATE INDEX idx_draft_conflicts_file ON draft_conflicts (file)'],
				listRule: rule,
				viewRule: rule,
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
	},
	(db) => {
		const dao = new Dao(db);
		for (const name of ['draft_conflicts', 'drafts']) {
			dao.deleteCollection(dao.findCollectionByNameOrId(name));
		}
	}
);
