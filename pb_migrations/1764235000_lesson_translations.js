/// <reference path="../pb_data/types.d.ts" />

// Lessons in other languages (docs/translating.md): {"pl": {file, head, source, title, summary,
// outcomes, status, html, quiz, exercises, media, hash}, …}, each written beside its original
// as "01-passwords.pl.md" and checked at publish like it (pb_hooks/lib/publish.js). Kept on the
// lesson's own record: a lesson and its translations are published, versioned and unpublished
// together, and a phone asks for the one language it needs (GET /api/clyde/lessons?lang=pl).
migrate(
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.addField(
			new SchemaField({
				name: 'translations',
				type: 'json',
				required: false,
				options: { maxSize: 8000000 }
			})
		);
		dao.saveCollection(lessons);
	},
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.removeField(lessons.schema.getFieldByName('translations').id);
		dao.saveCollection(lessons);
	}
);
