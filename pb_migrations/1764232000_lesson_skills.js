/// <reference path="../pb_data/types.d.ts" />

// A lesson's Essential Digital Skills statement codes (src/lib/skills/edsf.ts), as the editor
// tagged it: the catalog sends them to phones, and badges will align to them. The publish
// route checks their shape; which codes exist is the content checker's business.
migrate(
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.addField(
			new SchemaField({ name: 'skills', type: 'json', required: false, options: { maxSize: 2000 } })
		);
		dao.saveCollection(lessons);
	},
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.removeField(lessons.schema.getFieldByName('skills').id);
		dao.saveCollection(lessons);
	}
);
