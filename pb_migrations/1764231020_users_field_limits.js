/// <reference path="../pb_data/types.d.ts" />

// The built-in users collection came with an unlimited `name` and an avatar that may be an SVG
// (which can carry script) of up to 5 MB. The app uses neither a long name nor an avatar.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.getFieldByName('name').options.max = 100;
		const avatar = users.schema.getFieldByName('avatar');
		avatar.options.mimeTypes = ['image/jpeg', 'image/png', 'image/webp'];
		avatar.options.maxSize = 1 << 20;
		dao.saveCollection(users);
	},
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.getFieldByName('name').options.max = null;
		const avatar = users.schema.getFieldByName('avatar');
		avatar.options.mimeTypes = [
			'image/jpeg',
			'image/png',
			'image/svg+xml',
			'image/gif',
			'image/webp'
		];
		avatar.options.maxSize = 5242880;
		dao.saveCollection(users);
	}
);
