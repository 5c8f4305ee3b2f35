/// <reference path="../pb_data/types.d.ts" />

// Every account has a role. An empty role never grants anything: the rules below compare
// against "tutor" and "editor" only, so a learner is simply "not tutor, not editor".
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.addField(
			new SchemaField({
				name: 'role',
				type: 'select',
				required: false,
				options: { maxSelect: 1, values: ['learner', 'tutor', 'editor'] }
			})
		);
		// Anyone may sign up, but only as a learner; tutors and editors are made by an admin.
		users.createRule = '@request.data.role:isset = false || @request.data.role = "learner"';
		// Nobody lists other people; a user sees and edits only themselves, and cannot
		// promote themselves by editing their own role.
		users.listRule = 'id = @request.auth.id';
		users.viewRule = 'id = @request.auth.id';
		users.updateRule =
			'id = @request.auth.id && (@request.data.role:isset = false || @request.data.role = role)';
		users.deleteRule = 'id = @request.auth.id';
		dao.saveCollection(users);
	},
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		users.schema.removeField(users.schema.getFieldByName('role').id);
		users.createRule = '';
		users.updateRule = 'id = @request.auth.id';
		dao.saveCollection(users);
	}
);
