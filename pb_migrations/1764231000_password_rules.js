/// <reference path="../pb_data/types.d.ts" />

// Passwords of at least 10 characters, NIST SP 800-63B style: length is what makes a password
// hard to guess; a deny-list of common passwords is checked by pb_hooks/lib/passwords.js.
// Existing shorter passwords keep working until they are changed: sign-in does not check length.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const options = users.authOptions();
		options.minPasswordLength = 10;
		users.setOptions(options);
		dao.saveCollection(users);
	},
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const options = users.authOptions();
		options.minPasswordLength = 8;
		users.setOptions(options);
		dao.saveCollection(users);
	}
);
