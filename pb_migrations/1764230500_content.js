/// <reference path="../pb_data/types.d.ts" />

// Published content: pathways › modules › lessons. Only the publish route (pb_hooks) writes
// them, in one transaction, for editors; anyone may read what is published, signed in or not,
// because learners can study before they make an account.
//
// `content_id` is the editor's stable id from the frontmatter. `seq` is the publish number
// that last changed the record: it only grows, so clients can pull "changed since seq N".
// Removed content is unpublished (published = false), never deleted, so that learners'
// progress still points at something.
migrate(
	(db) => {
		const dao = new Dao(db);
		const text = (name, max, required = true) => ({
			name,
			type: 'text',
			required,
			options: { min: null, max, pattern: '' }
		});
		const number = (name, min, max) => ({
			name,
			type: 'number',
			required: false,
			options: { min, max, noDecimal: true }
		});
		const json = (name, maxSize) => ({ name, type: 'json', required: false, options: { maxSize } });
		const common = [
			text('content_id', 60),
			text('slug', 80),
			number('position', 0, 100000),
			text('title', 80),
			text('summary', 200),
			json('outcomes', 20000),
			{ name: 'published', type: 'bool', required: false, options: {} },
			text('hash', 64),
			number('version', 1, null),
			number('seq', 1, null)
		];
		const publicRead = { listRule: 'published = true', viewRule: '' };
		const adminOnlyWrites = { createRule: null, updateRule: null, deleteRule: null };

		const pathways = new Collection({
			name: 'pathways',
			type: 'base',
			schema: [
				...common,
				{
					name: 'level',
					type: 'select',
					required: true,
					options: { maxSelect: 1, values: ['beginner', 'intermediate', 'advanced'] }
				},
				text('intro_html', 200000, false)
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_pathways_content_id ON pathways (content_id)',
				'CREATE INDEX idx_pathways_seq ON pathways (seq)'
			],
			...publicRead,
			...adminOnlyWrites
		});
		dao.saveCollection(pathways);

		const modules = new Collection({
			name: 'modules',
			type: 'base',
			schema: [
				...common,
				{
					name: 'pathway',
					type: 'relation',
					required: true,
					options: { collectionId: pathways.id, cascadeDelete: false, maxSelect: 1 }
				},
				text('intro_html', 200000, false)
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_modules_content_id ON modules (content_id)',
				'CREATE INDEX idx_modules_seq ON modules (seq)'
			],
			...publicRead,
			...adminOnlyWrites
		});
		dao.saveCollection(modules);

		const lessons = new Collection({
			name: 'lessons',
			type: 'base',
			schema: [
				...common,
				{
					name: 'pathway',
					type: 'relation',
					required: true,
					options: { collectionId: pathways.id, cascadeDelete: false, maxSelect: 1 }
				},
				{
					name: 'module',
					type: 'relation',
					required: true,
					options: { collectionId: modules.id, cascadeDelete: false, maxSelect: 1 }
				},
				number('minutes', 1, 120),
				{
					name: 'level',
					type: 'select',
					required: true,
					options: { maxSelect: 1, values: ['beginner', 'intermediate', 'advanced'] }
				},
				text('source', 400000, false),
				text('html', 2000000, false),
				json('quiz', 200000)
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_lessons_content_id ON lessons (content_id)',
				'CREATE INDEX idx_lessons_seq ON lessons (seq)',
				'CREATE INDEX idx_lessons_module ON lessons (module)'
			],
			...publicRead,
			...adminOnlyWrites
		});
		dao.saveCollection(lessons);
	},
	(db) => {
		const dao = new Dao(db);
		for (const name of ['lessons', 'modules', 'pathways']) {
			dao.deleteCollection(dao.findCollectionByNameOrId(name));
		}
	}
);
