/// <reference path="../pb_data/types.d.ts" />

// One small record per cohort that says "something changed" (pb_hooks/lib/activity.js), so a
// tutor's open dashboard can subscribe to it instead of to every progress event: PocketBase
// checks each saved record against each realtime subscriber's rule before a save returns, so
// per-event records made every push wait on every open dashboard (docs/scaling.md). Its id is
// the cohort's id, so a dashboard subscribes to `cohort_activity/<cohort id>` knowing nothing
// more; only that cohort's tutor may see it. Written only by the server's hooks.
// - seq: the server's seq of the newest event of its learners on its pathway;
// - roster: counts joins and leaves, which make a dashboard load the cohort again.
migrate(
	(db) => {
		const dao = new Dao(db);
		const cohorts = dao.findCollectionByNameOrId('cohorts');
		const count = (name) => ({
			name,
			type: 'number',
			required: false,
			options: { min: 0, max: null, noDecimal: true }
		});
		const rule = '@request.auth.id != "" && cohort.tutor = @request.auth.id';
		dao.saveCollection(
			new Collection({
				name: 'cohort_activity',
				type: 'base',
				schema: [
					{
						name: 'cohort',
						type: 'relation',
						required: true,
						options: { collectionId: cohorts.id, cascadeDelete: true, maxSelect: 1 }
					},
					count('seq'),
					count('roster')
				],
				indexes: ['CREATE UNIQUE INDEX idx_cohort_activity_cohort ON cohort_activity (cohort)'],
				listRule: rule,
				viewRule: rule,
				createRule: null,
				updateRule: null,
				deleteRule: null
			})
		);
	},
	(db) => {
		const dao = new Dao(db);
		dao.deleteCollection(dao.findCollectionByNameOrId('cohort_activity'));
	}
);
