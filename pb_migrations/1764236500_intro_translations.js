/// <reference path="../pb_data/types.d.ts" />

// Pathway and module titles and introductions in other languages (docs/translating.md):
// {"pl": {file, head, source, title, summary, outcomes, status, introHtml}, …}, each written
// beside its original as "pathway.pl.md" or "module.pl.md" and checked at publish like it
// (pb_hooks/lib/publish.js). Kept on the original's record, as a lesson's translations are; the
// catalog carries the one language a phone asks for (GET /api/clyde/catalog?lang=pl).
migrate(
	(db) => {
		const dao = new Dao(db);
		for (const name of ['pathways', 'modules']) {
			const collection = dao.findCollectionByNameOrId(name);
			collection.schema.addField(
				new SchemaField({
					name: 'translations',
					type: 'json',
					required: false,
					options: { maxSize: 2000000 }
				})
			);
			dao.saveCollection(collection);
		}
	},
	(db) => {
		const dao = new Dao(db);
		for (const name of ['pathways', 'modules']) {
			const collection = dao.findCollectionByNameOrId(name);
			collection.schema.removeField(collection.schema.getFieldByName('translations').id);
			dao.saveCollection(collection);
		}
	}
);
