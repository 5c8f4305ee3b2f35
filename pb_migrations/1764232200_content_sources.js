/// <reference path="../pb_data/types.d.ts" />

// Each published item keeps its whole source file, so that `npm run content:export` can write
// content/ back byte for byte and a team can edit in git, in the browser, or both: `file` (its
// path in content/), `head` (the frontmatter as written, "---" lines included) and, for
// pathways and modules as for lessons already, `source` (the Markdown body).
migrate(
	(db) => {
		const dao = new Dao(db);
		const text = (name, max) =>
			new SchemaField({
				name,
				type: 'text',
				required: false,
				options: { min: null, max, pattern: '' }
			});
		for (const name of ['pathways', 'modules', 'lessons']) {
			const collection = dao.findCollectionByNameOrId(name);
			collection.schema.addField(text('file', 300));
			collection.schema.addField(text('head', 20000));
			if (name !== 'lessons') collection.schema.addField(text('source', 400000));
			dao.saveCollection(collection);
		}
	},
	(db) => {
		const dao = new Dao(db);
		for (const name of ['pathways', 'modules', 'lessons']) {
			const collection = dao.findCollectionByNameOrId(name);
			for (const field of name === 'lessons' ? ['file', 'head'] : ['file', 'head', 'source']) {
				collection.schema.removeField(collection.schema.getFieldByName(field).id);
			}
			dao.saveCollection(collection);
		}
	}
);
