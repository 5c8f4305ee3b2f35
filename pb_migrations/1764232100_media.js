/// <reference path="../pb_data/types.d.ts" />

// Pictures of lessons: separate resources of their pathway, so that a phone can download a
// pathway with or without them (low-data mode) and fetch one later. Content-addressed: `hash`
// is the sha256 of `data` (an SVG's text, or a raster picture in base64), so the same picture
// is stored once per pathway and never rewritten; only the publish route writes them, and
// anyone may read what is published, as with lessons (1764230500_content.js).
//
// Each lesson lists its pictures in `media` ([{hash, type, bytes}], in the order its HTML
// places them), so the catalog can give a pathway's download size without reading them.
migrate(
	(db) => {
		const dao = new Dao(db);
		const pathways = dao.findCollectionByNameOrId('pathways');
		const media = new Collection({
			name: 'media',
			type: 'base',
			schema: [
				{
					name: 'hash',
					type: 'text',
					required: true,
					options: { min: 64, max: 64, pattern: '^[0-9a-f]{64}$' }
				},
				{
					name: 'pathway',
					type: 'relation',
					required: true,
					options: { collectionId: pathways.id, cascadeDelete: false, maxSelect: 1 }
				},
				{
					name: 'type',
					type: 'select',
					required: true,
					options: { maxSelect: 1, values: ['svg', 'png', 'jpeg', 'webp', 'gif'] }
				},
				// pb_hooks/lib/allow-list.js (MEDIA.maxChars) is the limit the route enforces.
				{ name: 'data', type: 'text', required: true, options: { min: 1, max: 1400000 } },
				{ name: 'bytes', type: 'number', required: true, options: { min: 1, noDecimal: true } },
				{ name: 'published', type: 'bool', required: false, options: {} },
				{ name: 'seq', type: 'number', required: false, options: { min: 1, noDecimal: true } }
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_media_pathway_hash ON media (pathway, hash)',
				'CREATE INDEX idx_media_hash ON media (hash)',
				'CREATE INDEX idx_media_seq ON media (seq)'
			],
			listRule: 'published = true',
			viewRule: '',
			createRule: null,
			updateRule: null,
			deleteRule: null
		});
		dao.saveCollection(media);

		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.addField(
			new SchemaField({ name: 'media', type: 'json', required: false, options: { maxSize: 20000 } })
		);
		dao.saveCollection(lessons);
	},
	(db) => {
		const dao = new Dao(db);
		const lessons = dao.findCollectionByNameOrId('lessons');
		lessons.schema.removeField(lessons.schema.getFieldByName('media').id);
		dao.saveCollection(lessons);
		dao.deleteCollection(dao.findCollectionByNameOrId('media'));
	}
);
