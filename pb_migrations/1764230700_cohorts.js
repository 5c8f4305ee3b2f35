/// <reference path="../pb_data/types.d.ts" />

// Cohorts: a tutor runs a group of learners through one pathway. A learner joins with the
// cohort's code (pb_hooks/cohorts.pb.js), which makes a membership. Who may see what is
// decided here, in the rules, so that no screen can show more than the server allows:
// - a tutor sees their own cohorts, the memberships in them, and the profiles and events of
//   those members (events only for the cohort's pathway);
// - a learner sees only themselves, their own events, and the cohorts they are in;
// - nobody lists all users; a join code is seen only by its tutor and the cohort's members.
// Every read rule starts with `@request.auth.id != ""`: for an anonymous request the id is
// "", and a record with no memberships would otherwise match "" (a missing back-relation
// reads as ""), which showed every unjoined user and new cohort, with its code, to anyone.
migrate(
	(db) => {
		const dao = new Dao(db);
		const users = dao.findCollectionByNameOrId('users');
		const count = (name, min, max) => ({
			name,
			type: 'number',
			// Filled by the server when left empty: PocketBase validates before hooks run.
			required: false,
			options: { min, max, noDecimal: true }
		});

		const cohorts = new Collection({
			name: 'cohorts',
			type: 'base',
			schema: [
				{ name: 'name', type: 'text', required: true, options: { min: 1, max: 80, pattern: '' } },
				// A pathway's content id, not a relation: content records are replaced on publish.
				{
					name: 'pathway',
					type: 'text',
					required: true,
					options: { min: 1, max: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }
				},
				{
					name: 'tutor',
					type: 'relation',
					required: true,
					options: { collectionId: users.id, cascadeDelete: true, maxSelect: 1 }
				},
				// Set by the server on create (see cohorts.pb.js), never by the client; not
				// "required" because PocketBase validates the request before the hook fills it.
				{
					name: 'join_code',
					type: 'text',
					required: false,
					options: { min: 8, max: 8, pattern: '^[A-Z0-9]+$' }
				},
				// Needs-help thresholds, per cohort (see docs/tutors.md for why these rules).
				count('quiz_fails', 1, 20),
				count('quiet_days', 1, 90),
				count('behind_lessons', 1, 200)
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_cohorts_join_code ON cohorts (join_code)',
				'CREATE INDEX idx_cohorts_tutor ON cohorts (tutor)'
			],
			// Learners' view is added below, once memberships exist to refer to.
			listRule: 'tutor = @request.auth.id',
			viewRule: 'tutor = @request.auth.id',
			createRule: `@request.auth.role = "tutor" && @request.data.tutor = @request.auth.id && @request.data.join_code:isset = false`,
			// The pathway is fixed: moving a cohort would show its tutor events that learners
			// shared with other cohorts on the other pathway.
			updateRule: `tutor = @request.auth.id && (@request.data.tutor:isset = false || @request.data.tutor = @request.auth.id) && (@request.data.pathway:isset = false || @request.data.pathway = pathway) && @request.data.join_code:isset = false`,
			deleteRule: 'tutor = @request.auth.id'
		});
		dao.saveCollection(cohorts);

		const memberships = new Collection({
			name: 'memberships',
			type: 'base',
			schema: [
				{
					name: 'cohort',
					type: 'relation',
					required: true,
					options: { collectionId: cohorts.id, cascadeDelete: true, maxSelect: 1 }
				},
				{
					name: 'learner',
					type: 'relation',
					required: true,
					options: { collectionId: users.id, cascadeDelete: true, maxSelect: 1 }
				}
			],
			indexes: [
				'CREATE UNIQUE INDEX idx_memberships_cohort_learner ON memberships (cohort, learner)',
				'CREATE INDEX idx_memberships_learner ON memberships (learner)'
			],
			listRule: 'learner = @request.auth.id || cohort.tutor = @request.auth.id',
			viewRule: 'learner = @request.auth.id || cohort.tutor = @request.auth.id',
			// Joining goes through the join route, which checks the code.
			createRule: null,
			updateRule: null,
			// A learner can leave; the tutor can remove a learner.
			deleteRule: 'learner = @request.auth.id || cohort.tutor = @request.auth.id'
		});
		dao.saveCollection(memberships);
		cohorts.listRule =
			'@request.auth.id != "" && (tutor = @request.auth.id || memberships_via_cohort.learner ?= @request.auth.id)';
		cohorts.viewRule = cohorts.listRule;
		dao.saveCollection(cohorts);

		// A tutor sees the profiles of their own learners, and nobody else's.
		users.listRule =
			'@request.auth.id != "" && (id = @request.auth.id || memberships_via_learner.cohort.tutor ?= @request.auth.id)';
		users.viewRule = users.listRule;
		dao.saveCollection(users);

		// A tutor reads their learners' events on the cohort's pathway only. Both conditions
		// sit on one membership path, so they must hold for the same membership (tested in
		// tests/integration/access-matrix.test.ts).
		const events = dao.findCollectionByNameOrId('progress_events');
		events.listRule =
			'@request.auth.id != "" && (user = @request.auth.id || (user.memberships_via_learner.cohort.tutor ?= @request.auth.id && user.memberships_via_learner.cohort.pathway ?= pathway))';
		events.viewRule = events.listRule;
		events.indexes = Array.from(events.indexes).concat([
			'CREATE INDEX idx_progress_events_pathway_user ON progress_events (pathway, user)'
		]);
		dao.saveCollection(events);
	},
	(db) => {
		const dao = new Dao(db);
		const events = dao.findCollectionByNameOrId('progress_events');
		events.listRule = 'user = @request.auth.id';
		events.viewRule = 'user = @request.auth.id';
		events.indexes = Array.from(events.indexes).filter((index) => !index.includes('pathway_user'));
		dao.saveCollection(events);
		const users = dao.findCollectionByNameOrId('users');
		users.listRule = 'id = @request.auth.id';
		users.viewRule = 'id = @request.auth.id';
		dao.saveCollection(users);
		dao.deleteCollection(dao.findCollectionByNameOrId('memberships'));
		dao.deleteCollection(dao.findCollectionByNameOrId('cohorts'));
	}
);
